/// Prepared texts by their raw string, so each text is prepared once however often it is
/// compared. Each distinct text gets an id; callers that compare the same texts again and again
/// keep ids and read the prepared text by id (no hashing of the string each time).
final class MatchTextCache {
    private var ids: [String: Int] = [:]
    private var prepared: [MatchText] = []

    /// The id of `text`, preparing it the first time it is seen.
    func id(_ text: String) -> Int {
        if let id = ids[text] { return id }
        prepared.append(MatchText(text))
        ids[text] = prepared.count - 1
        return prepared.count - 1
    }

    subscript(_ text: String) -> MatchText { prepared[id(text)] }

    subscript(id id: Int) -> MatchText { prepared[id] }

    func score(_ a: String, _ b: String) -> Double {
        TextSimilarity.score(self[a], self[b])
    }
}
