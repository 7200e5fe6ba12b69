/// The capitalisation style of a label: which of lower case, sentence case, title case and upper
/// case it fits. Acronyms (SKPD, PK, JF) and connecting words fit any style.
enum LabelStyle: String, CaseIterable {
    case lower, sentence, title, upper

    static let connectingWords: Set<String> = ["dan", "di", "ke", "yang", "serta", "atau", "dari", "untuk", "pada"]

    /// The styles `label` fits (all four when it has no word that tells).
    static func styles(of label: String) -> Set<LabelStyle> {
        let tokens = label.split { $0.isWhitespace || $0 == "/" || $0 == "-" }.map(String.init)
            .filter { $0.contains(where: \.isLetter) }
        // Short all-capital tokens are acronyms: they tell nothing.
        let telling = tokens.filter { token in
            let letters = token.filter(\.isLetter)
            return !(letters.allSatisfy(\.isUppercase) && letters.count <= 5)
        }
        guard !telling.isEmpty else { return Set(allCases) }
        func isLower(_ token: String) -> Bool { token.filter(\.isLetter).allSatisfy(\.isLowercase) }
        func isCapitalised(_ token: String) -> Bool {
            let letters = token.filter(\.isLetter)
            return letters.first!.isUppercase && letters.dropFirst().allSatisfy(\.isLowercase)
        }
        func isUpper(_ token: String) -> Bool { token.filter(\.isLetter).allSatisfy(\.isUppercase) }
        var result: Set<LabelStyle> = []
        if telling.allSatisfy(isLower) { result.insert(.lower) }
        if isCapitalised(telling[0]) && telling.dropFirst().allSatisfy(isLower) { result.insert(.sentence) }
        if telling.allSatisfy({ isCapitalised($0) || connectingWords.contains($0) }) { result.insert(.title) }
        if telling.allSatisfy(isUpper) { result.insert(.upper) }
        return result
    }
}
