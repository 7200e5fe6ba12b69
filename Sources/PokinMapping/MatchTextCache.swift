/// Prepared texts by their raw string, so each text is prepared once however often it is
/// compared. Each distinct text gets an id, and each distinct matching form a form id; callers
/// that meet the same texts again and again keep ids (no hashing of the string each time).
/// (Both tables are `StringIDTable`s: a cheaper hash than `[String: Int]`'s, same ids.)
final class MatchTextCache {
    private var ids = StringIDTable()
    private var prepared: [MatchText] = []
    private var formIDs = StringIDTable()
    private var formOfText: [Int] = []

    /// The id of `text`, preparing it the first time it is seen.
    func id(_ text: String) -> Int {
        let (id, isNew) = ids.id(text)
        guard isNew else { return id }
        let matchText = MatchText(text)
        prepared.append(matchText)
        formOfText.append(formIDs.id(matchText.form).id)
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
