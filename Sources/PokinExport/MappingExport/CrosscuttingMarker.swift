import Foundation
import PokinMapping

/// How a layout writes a crosscutting partner where its reader looks for the marker: the text
/// before the partner's name that the mapping's `crosscutting.marker` recognises and strips.
public enum CrosscuttingMarker {
    /// "CROSSCUTTING " (or another prefix the marker reads), or nil when the mapping has no marker.
    public static func prefix(for sheet: SheetMapping) -> String? {
        guard let pattern = sheet.crosscuttingMarker,
              let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        var candidates = ["CROSSCUTTING ", "CROSCUTTING ", "Crosscutting: ", "Crosscutting dengan "]
        if let sample = PatternSample.text(matching: pattern) { candidates.append(sample + " ") }
        let partner = "DINAS CONTOH"
        for candidate in candidates {
            let text = candidate + partner
            let range = NSRange(text.startIndex..., in: text)
            guard let match = regex.firstMatch(in: text, range: range) else { continue }
            let rest = (text as NSString).substring(from: match.range.location + match.range.length)
            if rest.trimmingCharacters(in: .whitespaces) == partner { return candidate }
        }
        return nil
    }
}
