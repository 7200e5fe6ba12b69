/// Reads `[Content_Types].xml` for the workbook part's name, the fallback when `_rels/.rels`
/// is missing or damaged (openpyxl does the same; Excel repairs such files).
final class ContentTypesReader: SAXEventSink {
    private(set) var workbookPart: String?

    /// Content types of a workbook's main part: normal, macro-enabled, template, add-in.
    private static let workbookTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroenabled.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.template.macroenabled.main+xml",
        "application/vnd.ms-excel.addin.macroenabled.main+xml",
    ]

    override func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        guard workbookPart == nil, name.isContentTypes, name.isLocal("Override"),
              let type = attributes.string("ContentType")?.lowercased(), ContentTypesReader.workbookTypes.contains(type),
              let part = attributes.string("PartName") else { return }
        workbookPart = PartName.resolve(part, from: "")
    }
}
