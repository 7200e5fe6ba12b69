import Foundation
import PokinCore

/// The built-in mappings (`Mappings/*.yaml`) and how a mapping is chosen.
public struct MappingCatalog {
    public let folder: URL?

    /// Finds `Mappings/`: `$POKIN_MAPPINGS`, beside the executable's package (for
    /// `.build/<config>/pokin`), or in the current folder.
    public init(executablePath: String = CommandLine.arguments.first ?? "") {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["POKIN_MAPPINGS"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("Mappings"))
            candidates.append(folder.appendingPathComponent("share/pokin/Mappings"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Mappings"))
        self.folder = candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("README.md").path) }
            ?? candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    public init(folder: URL) { self.folder = folder }

    /// Paths of the built-in mapping files, sorted by name.
    public var paths: [String] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// Every built-in mapping that loads.
    public func all() throws -> [MappingFile] {
        try paths.map { try MappingLoader.load(path: $0) }
    }

    /// A mapping by name (from `Mappings/`) or by path.
    public func mapping(named nameOrPath: String) throws -> MappingFile {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return try MappingLoader.load(path: nameOrPath)
        }
        for path in paths {
            let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            if stem == nameOrPath { return try MappingLoader.load(path: path) }
        }
        let known = paths.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        throw PokinError(.usage, "there is no built-in mapping \"\(nameOrPath)\"; the built-in ones are: \(known.joined(separator: ", ")) (or give a path to a .yaml file)")
    }

    /// Chooses the built-in mapping that recognises the workbook best: for each sheet role a
    /// mapping describes, one point for finding the sheet, one for finding its header, and one
    /// for the share of its named columns found under that header; the score is the share of
    /// the points possible, so a mapping is not favoured for describing more sheets.
    public func recognise(_ workbook: TableWorkbook) throws -> MappingFile? {
        Self.recognise(workbook, among: try all())
    }

    /// The best fit among mappings already loaded (a batch loads the built-ins once).
    public static func recognise(_ workbook: TableWorkbook, among mappings: [MappingFile]) -> MappingFile? {
        var best: (mapping: MappingFile, score: Double)?
        for mapping in mappings {
            // Between equally good fits, the mapping that describes more of the workbook wins.
            let score = Self.recognitionScore(of: mapping, in: workbook)
            let ranked = score + 0.001 * Double(mapping.sheets.count)
            if score > 0.34, best == nil || ranked > best!.score { best = (mapping, ranked) }
        }
        return best?.mapping
    }

    /// How well `mapping` fits `workbook`, from 0 (nothing found) to 1 (every sheet, header and column).
    public static func recognitionScore(of mapping: MappingFile, in workbook: TableWorkbook) -> Double {
        let importer = WorkbookImporter(mapping: mapping)
        var points = 0.0
        var possible = 0.0
        for sheet in mapping.sheets {
            let drawn = sheet.layout == .drawing
            possible += sheet.role == .pohon && !drawn && !sheet.layout.isOneSheetTree ? 1 : 3
            guard let name = importer.sheetName(for: sheet.role, in: workbook) else { continue }
            points += 1
            if sheet.layout.isOneSheetTree {
                points += layoutScore(of: sheet, sheet: name, in: workbook)
                continue
            }
            if drawn {
                // A drawn tree counts only where the sheet really holds boxes and connectors.
                if let drawing = try? (workbook as? DrawingWorkbook)?.drawing(ofSheet: name),
                   drawing.shapes.count >= 2, !drawing.connectors.isEmpty {
                    points += 2
                }
                continue
            }
            guard sheet.role != .pohon, var source = try? workbook.rows(ofSheet: name) else { continue }
            var extractor = TableExtractor(mapping: sheet, sheetName: name, file: nil)
            guard (try? extractor.locateColumns(from: &source)) != nil else { continue }
            points += 1
            let named = sheet.columns.filter { $0.key != "targets" && !$0.value.headers.isEmpty && $0.value.letter == nil }
            if named.isEmpty {
                points += 1
            } else {
                points += Double(named.keys.filter { extractor.columns[$0] != nil }.count) / Double(named.count)
            }
        }
        return possible == 0 ? 0 : points / possible
    }
}
