import Foundation

/// A target written with its unit in one cell ("85 %", "12 dokumen", "Rp 1.500.000", "0,70
/// poin"), split into the value and the satuan. Text that does not start or end with a number
/// ("WTP", "A", "-") is a value without a unit.
public enum TargetText {
    private static let currencyFirst = try? NSRegularExpression(pattern: "^(Rp\\.?|IDR|USD|\\$)\\s*([0-9][0-9.,]*(?:\\s*-\\s*[0-9][0-9.,]*)?)$", options: [.caseInsensitive])
    private static let numberFirst = try? NSRegularExpression(pattern: "^([<>≤≥]?\\s*[+-]?[0-9][0-9.,]*(?:\\s*(?:-|–|s\\.?d\\.?)\\s*[0-9][0-9.,]*)?)\\s*(\\S.*)?$", options: [.caseInsensitive])

    /// `(value, unit)`; unit nil when the cell names none.
    public static func split(_ text: String) -> (value: String, unit: String?) {
        let clean = TableExtractor.clean(text)
        let range = NSRange(clean.startIndex..., in: clean)
        if let match = currencyFirst?.firstMatch(in: clean, range: range),
           let unit = Range(match.range(at: 1), in: clean), let value = Range(match.range(at: 2), in: clean) {
            return (String(clean[value]), String(clean[unit]))
        }
        if let match = numberFirst?.firstMatch(in: clean, range: range), let value = Range(match.range(at: 1), in: clean) {
            let unit = Range(match.range(at: 2), in: clean).map { TableExtractor.clean(String(clean[$0])) }
            return (String(clean[value]), unit?.isEmpty == false ? unit : nil)
        }
        return (clean, nil)
    }

    /// Joins a value and its unit back the way the split reads them ("Rp" before, others after).
    public static func join(value: String, unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return value }
        let key = unit.lowercased()
        if key == "rp" || key == "rp." || key == "idr" || key == "usd" || key == "$" { return "\(unit) \(value)" }
        return "\(value) \(unit)"
    }
}
