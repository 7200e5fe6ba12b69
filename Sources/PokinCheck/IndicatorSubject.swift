import Foundation
import PokinMapping

/// What an indicator counts or measures: the words after its measure word ("Persentase",
/// "Jumlah", "Indeks" …) up to the first linking word ("yang", "dengan", "berpredikat" …).
/// "Persentase Usaha Mikro yang Memperoleh …" measures "Usaha Mikro".
enum IndicatorSubject {
    static let measureWords: Set<String> = [
        "persentase", "presentase", "prosentase", "persen", "jumlah", "banyaknya", "rasio", "proporsi", "indeks",
        "nilai", "tingkat", "angka", "cakupan", "capaian", "rata-rata", "rerata", "skor", "laju", "total",
    ]
    static let linkingWords: Set<String> = [
        "yang", "dengan", "berpredikat", "di", "pada", "dalam", "terhadap", "per", "untuk", "sesuai", "melalui",
        "dari", "oleh", "bagi", "sebagai", "tahun", "setiap",
    ]
    /// Words that say how many rather than what ("Jumlah Unit Usaha" measures "Usaha").
    static let unitWords: Set<String> = ["unit", "orang", "buah", "kali"]

    /// The subject as written, or nil when the indicator does not start with a measure word.
    static func subject(of indicator: String) -> String? {
        let words = WordingDrift.writtenWords(indicator)
        guard let first = words.first, measureWords.contains(TextKey(first).value) else { return nil }
        var subject: [String] = []
        for word in words.dropFirst() {
            let key = TextKey(word).value
            if linkingWords.contains(key) { break }
            if subject.isEmpty, unitWords.contains(key) { continue }
            subject.append(word)
        }
        return subject.isEmpty ? nil : subject.joined(separator: " ")
    }

    /// How much two indicators share besides their subjects (Jaccard overlap of the other words).
    static func restOverlap(_ a: String, _ b: String) -> Double {
        func rest(_ text: String) -> Set<String> {
            let subjectWords = Set((subject(of: text).map(WordingDrift.writtenWords) ?? []).map { TextKey($0).value })
            return Set(WordingDrift.writtenWords(text).map { TextKey($0).value }).subtracting(subjectWords)
        }
        let restA = rest(a), restB = rest(b)
        let union = restA.union(restB)
        guard !union.isEmpty else { return 0 }
        return Double(restA.intersection(restB).count) / Double(union.count)
    }

    /// The coordinated subjects of a node's wording: "… Koperasi dan Usaha Mikro" gives
    /// ["Koperasi", "Usaha Mikro"] (the word before "dan" and the words after it).
    static func coordinated(in statement: String) -> [(left: String, right: String)] {
        let words = WordingDrift.writtenWords(statement)
        var result: [(String, String)] = []
        for (index, word) in words.enumerated() where TextKey(word).value == "dan" && index > 0 && index + 1 < words.count {
            var right: [String] = []
            for next in words[(index + 1)...] {
                let key = TextKey(next).value
                if linkingWords.contains(key) || key == "dan" || key == "serta" || next.hasSuffix(",") { break }
                right.append(next)
            }
            guard !right.isEmpty else { continue }
            result.append((words[index - 1].trimmingCharacters(in: .punctuationCharacters), right.joined(separator: " ")))
        }
        return result
    }
}
