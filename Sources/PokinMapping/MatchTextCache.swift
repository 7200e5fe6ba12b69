/// Prepared texts by their raw string, so each text is prepared once however often it is
/// compared. Each distinct text gets an id, and each distinct matching form a form id; callers
/// that meet the same texts again and again keep ids (no hashing of the string each time).
final class MatchTextCache {
    private var ids: [String: Int] = [:]
    private var prepared: [MatchText] = []
    private var formIDs: [String: Int] = [:]
    private var formOfText: [Int] = []

    /// The id of `text`, preparing it the first time it is seen.
    func id(_ text: String) -> Int {
        if let id = ids[text] { return id }
        let matchText = MatchText(text)
        prepared.append(matchText)
        let id = prepared.count - 1
        ids[text] = id
        if let form = formIDs[matchText.form] {
            formOfText.append(form)
        } else {
            formIDs[matchText.form] = formIDs.count
            formOfText.append(formIDs.count - 1)
        }
        return id
    }

    subscript(_ text: String) -> MatchText { prepared[id(text)] }

    subscript(id id: Int) -> MatchText { prepared[id] }

    /// The id of the matching form of the text with this id: texts of equal forms share it.
    func formID(ofText id: Int) -> Int { formOfText[id] }

    /// How many distinct forms have been seen (form ids run from 0 to this, exclusive).
    var formCount: Int { formIDs.count }

    func score(_ a: String, _ b: String) -> Double {
        TextSimilarity.score(self[a], self[b])
    }
}
