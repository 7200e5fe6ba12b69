import PokinCore

/// A cell reference as stage records and diagnostics carry it — `file.xlsx!'TAHAP 3'!B12`,
/// `'TAHAP 3'!B12` or `Sheet1!B12` — split into file, sheet and cell.
public struct StageCell: Hashable, Sendable {
    public var file: String?
    public var sheet: String
    public var cell: CellAddress

    public init(file: String?, sheet: String, cell: CellAddress) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }

    /// Parses a reference; nil when it does not end in `sheet!cell`.
    public init?(_ reference: String) {
        guard let bang = reference.lastIndex(of: "!"), let cell = CellAddress(reference[reference.index(after: bang)...]) else {
            return nil
        }
        let head = reference[..<bang]
        guard !head.isEmpty else { return nil }
        if head.last == "'" {
            // A quoted sheet name: find its opening quote, skipping doubled quotes inside.
            var index = head.index(before: head.endIndex)
            var opening: String.Index?
            while index > head.startIndex {
                let previous = head.index(before: index)
                if head[previous] == "'" {
                    if previous > head.startIndex, head[head.index(before: previous)] == "'" {
                        index = head.index(before: previous)
                        continue
                    }
                    opening = previous
                    break
                }
                index = previous
            }
            guard let opening else { return nil }
            let inner = head[head.index(after: opening)..<head.index(before: head.endIndex)]
            sheet = inner.replacingOccurrences(of: "''", with: "'")
            let before = head[..<opening]
            file = before.hasSuffix("!") ? String(before.dropLast()).nilIfEmpty : String(before).nilIfEmpty
        } else if let fileBang = head.lastIndex(of: "!") {
            sheet = String(head[head.index(after: fileBang)...])
            file = String(head[..<fileBang]).nilIfEmpty
        } else {
            sheet = String(head)
            file = nil
        }
        // Excel forbids a sheet name that starts or ends with an apostrophe: an unbalanced quote.
        guard !sheet.isEmpty, !sheet.hasPrefix("'"), !sheet.hasSuffix("'") else { return nil }
        self.cell = cell
    }

    /// `'TAHAP 3'!B12`: the reference without the file, as a person reads it in the sheet.
    public var sheetReference: String {
        CellAddress.quotedSheetName(sheet) + "!" + cell.description
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
