import PokinMapping
import PokinModel

/// The vocabulary's answers, remembered: a sheet repeats a handful of level, planning and job
/// words on every row, and each lookup normalises the text.
final class LabelMeanings {
    let vocabulary: LevelVocabulary
    private var levels: [String: Level?] = [:]
    private var performances: [String: JenisKinerja?] = [:]
    private var plannings: [String: KomponenPerencanaan?] = [:]
    private var positions: [String: Jabatan?] = [:]

    init(_ vocabulary: LevelVocabulary) {
        self.vocabulary = vocabulary
    }

    func level(_ label: String) -> Level? {
        if let known = levels[label] { return known }
        let value = vocabulary.level(label)
        levels[label] = value
        return value
    }

    func performance(_ label: String) -> JenisKinerja? {
        if let known = performances[label] { return known }
        let value = vocabulary.performance(label)
        performances[label] = value
        return value
    }

    func planning(_ label: String) -> KomponenPerencanaan? {
        if let known = plannings[label] { return known }
        let value = vocabulary.planning(label)
        plannings[label] = value
        return value
    }

    func position(_ label: String) -> Jabatan? {
        if let known = positions[label] { return known }
        let value = vocabulary.position(label)
        positions[label] = value
        return value
    }
}
