import PokinModel

/// A `LevelVocabulary` with each distinct word looked up once: a sheet repeats the same few
/// level, class, planning and job words on every row, and a lookup normalises the text first.
/// Used by the import (`StageReader`) and by the cross-stage checks. One per task, not shared
/// between threads.
public final class VocabularyMemo {
    public let vocabulary: LevelVocabulary
    private var levels: [String: Level?] = [:]
    private var performances: [String: JenisKinerja?] = [:]
    private var plannings: [String: KomponenPerencanaan?] = [:]
    private var positions: [String: Jabatan?] = [:]

    public init(_ vocabulary: LevelVocabulary) {
        self.vocabulary = vocabulary
    }

    public func level(_ text: String) -> Level? { Self.memo(text, &levels, vocabulary.level) }
    public func performance(_ text: String) -> JenisKinerja? { Self.memo(text, &performances, vocabulary.performance) }
    public func planning(_ text: String) -> KomponenPerencanaan? { Self.memo(text, &plannings, vocabulary.planning) }
    public func position(_ text: String) -> Jabatan? { Self.memo(text, &positions, vocabulary.position) }

    private static func memo<Value>(_ text: String, _ table: inout [String: Value?], _ lookup: (String) -> Value?) -> Value? {
        if let known = table[text] { return known }
        let value = lookup(text)
        table[text] = .some(value)
        return value
    }
}
