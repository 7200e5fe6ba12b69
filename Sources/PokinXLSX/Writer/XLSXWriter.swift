import Foundation
import PokinCore

/// Writes an XLSX workbook as a stream: add sheets, write their rows as they come, close.
///
/// Memory: each sheet's rows go through a 1 MiB buffer that, when full, is deflated (level 6) on
/// worker threads while the next rows are written, into an unlinked temporary file beside the
/// output; what stays in memory is the shared-string table (distinct texts only), the styles, and
/// each sheet's layout (merges, validations). At `close()` each sheet's head (dimension, views,
/// columns) and tail (merges, validations, print setup) are deflated around the spooled rows, and
/// libzip copies the compressed parts into a temporary file that is renamed over `path`, so a
/// reader never sees half a workbook, and an abandoned writer leaves nothing behind.
///
/// ```swift
/// let book = try XLSXWriter(path: "out.xlsx", properties: XLSXDocumentProperties(title: "Pohon Kinerja"))
/// let bold = book.register(XLSXCellStyle(font: XLSXFont(bold: true)))
/// let sheet = try book.addSheet(named: "Tahap 1")
/// try sheet.writeRow([.text("Kode"), .text("Uraian")], style: bold)
/// try sheet.writeRow([.text("2.17.05.2.01"), .text("Meningkatnya kinerja")])
/// try sheet.freezePanes(rows: 1)
/// try book.close()
/// ```
public final class XLSXWriter {
    public let path: String
    public var properties: XLSXDocumentProperties
    /// The sheet selected when the workbook opens (0-based).
    public var activeSheetIndex = 0
    /// The sheets in tab order.
    public private(set) var sheets: [XLSXSheetWriter] = []

    private let zip: ZipWriter
    private let spoolDirectory: String
    private let compressionLevel: Int32
    private let sharedStrings = SharedStringBuilder()
    private let styles = XLSXStyleRegistry()
    private var closed = false

    /// Starts a workbook at `path` (written at `close()`).
    /// - Parameter compressionLevel: deflate level 1–9; 6 (the default) is four times faster than
    ///   libzip's own default 9 for about 3 % more bytes.
    public init(path: String, properties: XLSXDocumentProperties = XLSXDocumentProperties(),
                compressionLevel: Int = 6) throws {
        self.path = path
        self.properties = properties
        let directory = (path as NSString).deletingLastPathComponent
        spoolDirectory = directory.isEmpty ? "." : directory
        self.compressionLevel = Int32(min(max(compressionLevel, 1), 9))
        zip = try ZipWriter(path: path, compressionLevel: UInt32(min(max(compressionLevel, 1), 9)))
    }

    /// Registers a cell style (equal styles share one id).
    public func register(_ style: XLSXCellStyle) -> XLSXStyleID { styles.register(style) }

    /// The style an id stands for.
    public func style(_ id: XLSXStyleID) -> XLSXCellStyle? { styles.style(id) }

    /// Adds a sheet at the end of the tab bar.
    /// - Throws: `invalid-sheet-name` for a name Excel refuses (empty, over 31 characters,
    ///   `[ ] : * ? / \`, starting or ending with `'`, `History`, or a case-insensitive duplicate).
    public func addSheet(named name: String, visibility: SheetVisibility = .visible) throws -> XLSXSheetWriter {
        guard !closed else {
            throw PokinError(.fileUnwritable, "the workbook was already closed", at: Location(file: path))
        }
        try XLSXWriter.checkSheetName(name, existing: sheets.map(\.name), file: path)
        let sheet = try XLSXSheetWriter(name: name, partNumber: sheets.count + 1, file: path,
                                        spoolDirectory: spoolDirectory, sharedStrings: sharedStrings,
                                        styles: styles, visibility: visibility, compressionLevel: compressionLevel)
        sheets.append(sheet)
        return sheet
    }

    static func checkSheetName(_ name: String, existing: [String], file: String) throws {
        func refuse(_ why: String) -> PokinError {
            PokinError(.invalidSheetName, "the sheet name \"\(name)\" \(why)", at: Location(file: file, sheet: name))
        }
        if name.isEmpty { throw refuse("is empty; give the sheet a name") }
        if name.utf16.count > 31 { throw refuse("is longer than 31 characters; shorten it") }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) { throw refuse("contains \(bad); Excel forbids [ ] : * ? / \\ in sheet names") }
        if name.hasPrefix("'") || name.hasSuffix("'") { throw refuse("starts or ends with an apostrophe, which Excel forbids") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { throw refuse("contains a control character") }
        if name.lowercased() == "history" { throw refuse("is reserved by Excel; choose another") }
        if existing.contains(where: { $0.lowercased() == name.lowercased() }) {
            throw refuse("is already used (sheet names are compared without case); choose another")
        }
    }

    /// Assembles every part and writes the archive. The writer cannot be used afterwards.
    public func close() throws {
        guard !closed else { return }
        closed = true
        if sheets.isEmpty { _ = try addDefaultSheet() }
        zip.modificationTime = properties.created.map(XLSXSerialDate.unixTime(of:)) ?? 315_532_800
        let parts = XLSXParts(properties: properties, sheets: sheets, activeSheet: activeSheetIndex)
        try zip.add(name: "[Content_Types].xml", segments: [.bytes(parts.contentTypes())])
        try zip.add(name: "_rels/.rels", segments: [.bytes(parts.rootRelationships())])
        try zip.add(name: "docProps/app.xml", segments: [.bytes(parts.appProperties())])
        try zip.add(name: "docProps/core.xml", segments: [.bytes(parts.coreProperties())])
        try zip.add(name: "xl/workbook.xml", segments: [.bytes(parts.workbook())])
        try zip.add(name: "xl/_rels/workbook.xml.rels", segments: [.bytes(parts.workbookRelationships())])
        try zip.add(name: "xl/styles.xml", segments: [.bytes(styles.xml())])
        for (index, sheet) in sheets.enumerated() {
            try sheet.finishData()
            try addDeflated(name: "xl/worksheets/sheet\(sheet.partNumber).xml",
                            head: sheet.headXML(selected: index == activeSheetIndex), body: sheet.spool,
                            tail: sheet.tailXML(file: path))
        }
        let (head, body) = try sharedStringsPart()
        try addDeflated(name: "xl/sharedStrings.xml", head: head, body: body, tail: Array("</sst>".utf8))
        try XLSXDrawingPart.add(sheets, to: zip, file: path)
        try zip.close()
    }

    /// Adds a part made of `head`, the deflated spool `body` and `tail`, as one deflate stream.
    private func addDeflated(name: String, head: [UInt8], body: XMLSpool, tail: [UInt8]) throws {
        try body.flush()
        guard let deflater = body.deflater else { preconditionFailure("parts are spooled in deflate mode") }
        let spooled = try deflater.finish()
        var headDeflated: [UInt8] = []
        var tailDeflated: [UInt8] = []
        let compressed = head.withUnsafeBufferPointer {
            Deflate.compress($0, level: compressionLevel, final: false, into: &headDeflated)
        } && tail.withUnsafeBufferPointer {
            Deflate.compress($0, level: compressionLevel, final: true, into: &tailDeflated)
        }
        guard compressed else {
            throw PokinError(.zipError, "zlib could not compress \(name)", at: Location(file: path, part: name))
        }
        let headCRC = head.withUnsafeBufferPointer { Deflate.crc32($0) }
        let tailCRC = tail.withUnsafeBufferPointer { Deflate.crc32($0) }
        let crc = Deflate.combine(Deflate.combine(headCRC, spooled.crc, secondLength: spooled.uncompressedLength),
                                  tailCRC, secondLength: tail.count)
        try zip.add(name: name, deflatedSegments: [
            .bytes(headDeflated),
            .file(descriptor: spooled.descriptor, length: spooled.compressedLength, owner: deflater),
            .bytes(tailDeflated),
        ], uncompressedSize: head.count + spooled.uncompressedLength + tail.count, crc: crc)
    }

    /// A workbook needs at least one sheet; an empty one is added when none was.
    private func addDefaultSheet() throws -> XLSXSheetWriter {
        let sheet = try XLSXSheetWriter(name: "Sheet1", partNumber: 1, file: path, spoolDirectory: spoolDirectory,
                                        sharedStrings: sharedStrings, styles: styles, visibility: .visible,
                                        compressionLevel: compressionLevel)
        sheets.append(sheet)
        return sheet
    }

    /// `sharedStrings.xml`: its head (with the counts) and its strings, deflated as they are
    /// written (the table grows with the distinct strings, so it is not built in memory).
    private func sharedStringsPart() throws -> ([UInt8], XMLSpool) {
        let head = XMLSpool()
        try head.append(XLSXParts.declaration)
        try head.append(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count=""#)
        try head.appendDecimal(sharedStrings.references)
        try head.append(#"" uniqueCount=""#)
        try head.appendDecimal(sharedStrings.uniqueCount)
        try head.append(#"">"#)
        let out = try XMLSpool(deflatingIn: spoolDirectory, label: path, level: compressionLevel)
        try sharedStrings.forEach { text in
            try out.reserve(48)
            if XMLSpool.needsSpacePreserve(text) {
                out.appendUnchecked(#"<si><t xml:space="preserve">"#)
            } else {
                out.appendUnchecked("<si><t>")
            }
            try out.appendCellText(text)
            try out.append("</t></si>")
        }
        return (head.bytes, out)
    }
}

@available(*, unavailable)
extension XLSXWriter: Sendable {}
