import PokinMapping
import PokinModel

/// The words a layout writes for levels, in the agency's vocabulary: the word a stage wrote
/// (kept when it still reads back to the model's value), else the standard word when the
/// mapping's vocabulary reads it so, else any word of the vocabulary that does.
public struct LevelWords: Sendable {
    public let vocabulary: LevelVocabulary

    public init(vocabulary: LevelVocabulary) {
        self.vocabulary = vocabulary
    }

    public func word(_ level: Level, keeping label: String? = nil) -> String {
        if let label, vocabulary.level(label) == level { return label }
        let standard = StandardLayout.word(level)
        if vocabulary.level(standard) == level { return standard }
        return Self.anyKey(of: level, in: vocabulary.levels) ?? standard
    }

    public func word(_ performance: JenisKinerja, keeping label: String? = nil) -> String {
        if let label, vocabulary.performance(label) == performance { return label }
        let standard = StandardLayout.word(performance)
        if vocabulary.performance(standard) == performance { return standard }
        return Self.anyKey(of: performance, in: vocabulary.performances) ?? standard
    }

    public func word(_ planning: KomponenPerencanaan, keeping label: String? = nil) -> String {
        if let label, vocabulary.planning(label) == planning { return label }
        let standard = StandardLayout.word(planning)
        if vocabulary.planning(standard) == planning { return standard }
        return Self.anyKey(of: planning, in: vocabulary.plannings) ?? standard
    }

    public func word(_ position: Jabatan, keeping label: String? = nil) -> String {
        if let label, vocabulary.position(label) == position { return label }
        let standard = StandardLayout.word(position)
        if vocabulary.position(standard) == position { return standard }
        return Self.anyKey(of: position, in: vocabulary.positions) ?? standard
    }

    /// The shortest (then first in order) vocabulary key meaning `value`; keys are lower case.
    private static func anyKey<Value: Equatable>(of value: Value, in table: [String: Value]) -> String? {
        table.filter { $0.value == value }.keys.sorted { ($0.count, $0) < ($1.count, $1) }.first
    }
}
