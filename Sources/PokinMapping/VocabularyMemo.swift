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

    // The lookup runs only when the memo does not know the word (a closure over the
    // vocabulary, made on every call, would copy its tables' references each time).
    public func level(_ text: String) -> Level? {
        if let known = levels.known(text) { return known }
        return levels.add(text, vocabulary.level(text))
    }

    public func performance(_ text: String) -> JenisKinerja? {
        if let known = performances.known(text) { return known }
        return performances.add(text, vocabulary.performance(text))
    }

    public func planning(_ text: String) -> KomponenPerencanaan? {
        if let known = plannings.known(text) { return known }
        return plannings.add(text, vocabulary.planning(text))
    }

    public func position(_ text: String) -> Jabatan? {
        if let known = positions.known(text) { return known }
        return positions.add(text, vocabulary.position(text))
    }

    static let listLimit = 16

    /// The answers for one axis: the first `listLimit` words in a list, any more in a table.
    struct Memo<Value> {
        private var words: [String] = []
        private var answers: [Value?] = []
        private var more: [String: Value?] = [:]

        /// The answer kept for `text` (itself nil when the word means nothing), nil when none is kept.
        func known(_ text: String) -> Value?? {
            if let index = words.firstIndex(of: text) { return .some(answers[index]) }
            if !more.isEmpty, let known = more[text] { return .some(known) }
            return nil
        }

        /// Keeps the answer for `text` and returns it.
        mutating func add(_ text: String, _ value: Value?) -> Value? {
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
