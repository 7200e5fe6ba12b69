import PokinModel

/// A `LevelVocabulary` with each distinct word looked up once: a sheet repeats the same few
/// level, class, planning and job words on every row, and a lookup normalises the text first.
/// Used by the import (`StageReader`) and by the cross-stage checks. One per task, not shared
/// between threads.
///
/// The words met are kept in a short list per axis, compared with `==` (a sheet has a handful
/// of distinct words, so comparing them is cheaper than hashing the text); past `listLimit`
/// words the rest go to a dictionary.
public final class VocabularyMemo {
    public let vocabulary: LevelVocabulary
    private var levels = Memo<Level>()
    private var performances = Memo<JenisKinerja>()
    private var plannings = Memo<KomponenPerencanaan>()
    private var positions = Memo<Jabatan>()

    public init(_ vocabulary: LevelVocabulary) {
        self.vocabulary = vocabulary
    }

    public func level(_ text: String) -> Level? { levels.value(text, vocabulary.level) }
    public func performance(_ text: String) -> JenisKinerja? { performances.value(text, vocabulary.performance) }
    public func planning(_ text: String) -> KomponenPerencanaan? { plannings.value(text, vocabulary.planning) }
    public func position(_ text: String) -> Jabatan? { positions.value(text, vocabulary.position) }

    static let listLimit = 16

    /// The answers for one axis: the first `listLimit` words in a list, any more in a table.
    struct Memo<Value> {
        private var words: [String] = []
        private var answers: [Value?] = []
        private var more: [String: Value?] = [:]

        mutating func value(_ text: String, _ lookup: (String) -> Value?) -> Value? {
            if let index = words.firstIndex(of: text) { return answers[index] }
            if !more.isEmpty, let known = more[text] { return known }
            let value = lookup(text)
            if words.count < VocabularyMemo.listLimit {
                words.append(text)
                answers.append(value)
            } else {
                more[text] = .some(value)
            }
            return value
        }
    }
}
