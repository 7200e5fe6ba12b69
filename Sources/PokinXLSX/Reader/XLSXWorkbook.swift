import PokinCore

/// An XLSX (or XLSM) workbook opened for streaming reads.
///
/// Opening reads the package's relationships, the workbook part (sheets, visibility, date
/// system) and the styles; the shared strings are read once, when the first sheet is opened.
/// Sheets are then streamed row by row (`rows(ofSheet:)`, `sheetReader(named:)`): memory is one
/// parsed chunk of rows plus the shared strings and styles, whatever the sheet's size.
///
/// The package is found the way OPC says, not where Excel happens to put things: the workbook
/// through `_rels/.rels` (falling back to `[Content_Types].xml` when that part is damaged),
/// sheets through the workbook's relationships; part names match in any case and with either
/// slash; Transitional and Strict OOXML namespaces are both understood, under any prefix.
///
/// Not thread-safe: use one workbook per task.
public final class XLSXWorkbook: TableWorkbook {
    public let path: String
    public let limits: XLSXReadLimits
    /// Every sheet in tab order, with its kind and part.
    public let xlsxSheets: [XLSXSheet]
    /// Whether dates count from 1904 (`<workbookPr date1904="1|true"/>`, old Mac workbooks).
    public let date1904: Bool
    /// The workbook part's name in the package (`xl/workbook.xml` almost always).
    public let workbookPart: String

    let package: PackageReader
    private let styleKinds: [NumberFormatKind]
    private let sharedStringsPart: String?
    private var loadedSharedStrings: [String]?

    /// Opens the workbook at `path`.
    /// - Throws: `PokinError`: `file-not-found`, `encrypted-workbook`, `unsupported-format`
    ///   (an .xls, HTML or CSV file under an .xlsx name), `not-a-zip-file`, `zip-error`,
    ///   `missing-part`, `malformed-xml`, `unsafe-xml`, `size-limit-exceeded`.
    public convenience init(path: String, limits: XLSXReadLimits = .default) throws {
        try self.init(path: path, limits: limits, parsing: .automatic)
    }

    /// Opens the workbook at `path`, its parts parsed as `parsing` says (tests compare both
    /// ways; sheets are parsed as `sheetReader(named:parsing:)` says).
    @_spi(SheetParsing)
    public init(path: String, limits: XLSXReadLimits = .default, parsing: SheetXMLParsing) throws {
        self.path = path
        self.limits = limits
        let signature = try FileSignature.detect(path: path)
        if let error = signature.xlsxOpeningError(file: path) { throw error }
        let archive = try ZipArchive(path: path)
        let package = PackageReader(archive: archive, file: path, limits: limits, parsing: parsing)
        self.package = package
        try XLSXWorkbook.rejectOtherZipFormats(package)

        let workbookPart = try XLSXWorkbook.findWorkbookPart(package)
        self.workbookPart = workbookPart
        guard let workbookReader = try package.parse(workbookPart, make: WorkbookPartReader.init) else {
            throw PokinError(.missingPart, "the workbook part \(workbookPart) named by the package is missing; the file is damaged",
                             at: Location(file: path, part: workbookPart))
        }
        guard workbookReader.sawWorkbook else {
            throw PokinError(.malformedXML, "\(workbookPart) is not a SpreadsheetML workbook (no <workbook> element)",
                             at: Location(file: path, part: workbookPart))
        }
        date1904 = workbookReader.date1904
        let relationships = try RelationshipsReader.read(of: workbookPart, in: package) ?? []
        var byID: [String: PackageRelationship] = [:]
        for relationship in relationships where byID[relationship.id] == nil { byID[relationship.id] = relationship }

        xlsxSheets = workbookReader.sheets.map { record in
            let relationship = record.relationshipID.flatMap { byID[$0] }
            return XLSXSheet(name: record.name, visibility: XLSXWorkbook.visibility(record.state),
                             kind: XLSXWorkbook.sheetKind(relationship), part: relationship?.part)
        }

        let folder = PartName.folder(of: workbookPart)
        func related(_ kind: String, fallback: String) -> String? {
            if let part = relationships.first(where: { $0.kind == kind })?.part, package.contains(part) { return part }
            let guess = folder.isEmpty ? fallback : "\(folder)/\(fallback)"
            return package.contains(guess) ? guess : nil
        }
        sharedStringsPart = related("sharedStrings", fallback: "sharedStrings.xml")
        if let stylesPart = related("styles", fallback: "styles.xml") {
            styleKinds = try package.parse(stylesPart, make: StylesReader.init)?.styleKinds ?? []
        } else {
            styleKinds = []
        }
    }

    // MARK: - TableWorkbook

    public var sheets: [SheetInfo] { xlsxSheets.map(\.info) }

    public func rows(ofSheet name: String) throws -> any RowSource {
        try sheetReader(named: name)
    }

    /// Opens a sheet for streaming.
    /// - Throws: `missing-sheet` when the workbook has no sheet of that name.
    public func sheetReader(named name: String) throws -> XLSXSheetReader {
        try sheetReader(named: name, parsing: .automatic)
    }

    /// Opens a sheet for streaming, parsed as `parsing` says (tests compare both ways).
    @_spi(SheetParsing)
    public func sheetReader(named name: String, parsing: SheetXMLParsing) throws -> XLSXSheetReader {
        guard let sheet = xlsxSheets.first(where: { $0.name == name }) else {
            let names = xlsxSheets.map { "'\($0.name)'" }.joined(separator: ", ")
            throw PokinError(.missingSheet, "the workbook has no sheet named '\(name)'; its sheets are \(names)",
                             at: Location(file: path))
        }
        guard sheet.holdsCells else { return XLSXSheetReader(emptySheetNamed: name) }
        guard let part = sheet.part else {
            throw PokinError(.missingPart, "sheet '\(name)' has no relationship to its part; the file is damaged",
                             at: Location(file: path, sheet: name, part: workbookPart))
        }
        return try XLSXSheetReader(sheetName: name, package: package, part: part, sharedStrings: try sharedStrings(),
                                   styleKinds: styleKinds, date1904: date1904, parsing: parsing)
    }

    /// The shared-string table, read on first use.
    public func sharedStrings() throws -> [String] {
        if let loadedSharedStrings { return loadedSharedStrings }
        var strings: [String] = []
        if let part = sharedStringsPart {
            let reader = try package.parse(part, small: false) {
                SharedStringsReader(limits: limits, file: path, part: part)
            }
            strings = reader?.strings ?? []
        }
        loadedSharedStrings = strings
        return strings
    }

    // MARK: - Opening

    /// The workbook part: the officeDocument relationship of `_rels/.rels`; when that part is
    /// missing or damaged, the workbook override of `[Content_Types].xml`; then `xl/workbook.xml`.
    private static func findWorkbookPart(_ package: PackageReader) throws -> String {
        if package.isEmpty {
            throw PokinError(.missingPart, "the archive is empty: this is not an XLSX workbook (or it was truncated to nothing)",
                             at: Location(file: package.file))
        }
        var relationshipsProblem: PokinError?
        do {
            if let relationships = try RelationshipsReader.read(of: nil, in: package),
               let part = relationships.first(where: { $0.kind == "officeDocument" })?.part, package.contains(part) {
                return part
            }
        } catch let error as PokinError where error.code == .malformedXML {
            relationshipsProblem = error  // a damaged _rels/.rels: try the content types
        }
        if let contentTypes = try? package.parse("[Content_Types].xml", make: ContentTypesReader.init),
           let part = contentTypes.workbookPart, package.contains(part) {
            return part
        }
        if package.contains("xl/workbook.xml") { return "xl/workbook.xml" }
        if let relationshipsProblem { throw relationshipsProblem }
        throw PokinError(.missingPart,
                         "the archive has no workbook part (no officeDocument relationship in _rels/.rels, no xl/workbook.xml): it is a zip file but not an XLSX workbook",
                         at: Location(file: package.file, part: "_rels/.rels"))
    }

    /// Zip-based formats that are not XLSX get an error that names them.
    private static func rejectOtherZipFormats(_ package: PackageReader) throws {
        guard let index = package.entryIndex(of: "mimetype"), !package.contains("_rels/.rels") else { return }
        let mimetype = String(decoding: (try? package.archive.readEntry(at: index, limit: 256)) ?? [], as: UTF8.self)
        if mimetype.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
            throw PokinError(.unsupportedFormat,
                             "this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; open it in LibreOffice or Excel and save it as .xlsx",
                             at: Location(file: package.file))
        }
        if mimetype.hasPrefix("application/vnd.oasis.opendocument") {
            throw PokinError(.unsupportedFormat, "this is an OpenDocument file (\(mimetype)), not a workbook", at: Location(file: package.file))
        }
    }

    private static func visibility(_ state: String?) -> SheetVisibility {
        switch state?.lowercased() {
        case "hidden": return .hidden
        case "veryhidden": return .veryHidden
        default: return .visible  // absent, "visible", or a value no application defines
        }
    }

    private static func sheetKind(_ relationship: PackageRelationship?) -> XLSXSheet.Kind {
        switch relationship?.kind.lowercased() {
        case "worksheet", nil: return .worksheet
        case "chartsheet": return .chartsheet
        case "dialogsheet": return .dialogsheet
        case "xlmacrosheet", "xlintlmacrosheet": return .macrosheet
        default: return .unknown
        }
    }
}

@available(*, unavailable)
extension XLSXWorkbook: Sendable {}
