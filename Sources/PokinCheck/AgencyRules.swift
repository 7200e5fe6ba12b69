import PokinMapping
import PokinModel

/// The agency's name and acronym: the acronym's letters must come, in order, from the name
/// ("DISKOMINFO" from "Dinas Komunikasi dan Informatika").
enum AgencyRules {
    static func run(_ context: CheckContext) -> [Finding] {
        guard let name = context.model.agency.name, let short = context.model.agency.shortName,
              let finding = mismatch(name: name, shortName: short) else { return [] }
        return [finding]
    }

    static func acronymFits(_ acronym: String, _ name: String) -> Bool {
        let letters = Array(TextKey(acronym).value.filter(\.isLetter))
        let source = Array(TextKey(name).value.filter(\.isLetter))
        guard let first = letters.first, source.first == first else { return false }
        var position = 0
        for letter in letters {
            guard let found = source[position...].firstIndex(of: letter) else { return false }
            position = found + 1
        }
        return true
    }

    private static func mismatch(name: String, shortName: String) -> Finding? {
        let token = WordingDrift.plain(shortName)
        // Only a one-word acronym can be checked this way.
        guard !token.isEmpty, !token.contains(" "), token.count <= 16, !acronymFits(token, name) else { return nil }
        return Finding(RuleCatalog.agencyNameMismatch, Localized(
            id: "Singkatan \(Terms.quote(token)) tidak dapat dibentuk dari nama instansi \(Terms.quote(name)).",
            en: "The acronym \(Terms.quote(token)) cannot be formed from the agency's name \(Terms.quote(name))."),
            at: nil)
    }
}
