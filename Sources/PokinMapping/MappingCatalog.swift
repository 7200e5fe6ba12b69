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

    /// The best fit among mappings already loaded (a batch loads the built-ins once): the highest
    /// score plus 0.001 per sheet the mapping describes (between equally good fits, the mapping
    /// that describes more of the workbook wins), above 0.34; on a tie the earlier mapping.
    public static func recognise(_ workbook: TableWorkbook, among mappings: [MappingFile]) -> MappingFile? {
        var best: (mapping: MappingFile, score: Double)?
        for mapping in mappings {
            let bonus = 0.001 * Double(mapping.sheets.count)
            // A mapping is scored only as far as it can still win: once even full points on its
            // remaining sheets cannot lift it above the best so far (or above 0.34), it is left.
            // `bound` exceeds the true highest score by a margin far above rounding error.
            let score = recognitionScore(of: mapping, in: workbook) { highest in
                let bound = highest + Self.boundMargin
                return bound <= 0.34 || (best.map { bound + bonus <= $0.score } ?? false)
            }
            guard let score else { continue }
            let ranked = score + bonus
            if score > 0.34, best == nil || ranked > best!.score { best = (mapping, ranked) }
        }
        return best?.mapping
    }

    /// Added to the highest score a mapping can still reach before comparing it, so that the
    /// rounding of the points' sums can never make a mapping that could win look as if it cannot.
    static let boundMargin = 1e-9

    /// How well `mapping` fits `workbook`, from 0 (nothing found) to 1 (every sheet, header and column).
    public static func recognitionScore(of mapping: MappingFile, in workbook: TableWorkbook) -> Double {
        recognitionScore(of: mapping, in: workbook) { _ in false }!
    }

    /// The score, or nil as soon as `cannotWin` says yes to the highest score still reachable
    /// (asked before each sheet is looked at).
    static func recognitionScore(of mapping: MappingFile, in workbook: TableWorkbook, cannotWin: (Double) -> Bool) -> Double? {
        let importer = WorkbookImporter(mapping: mapping)
        let possibles = mapping.sheets.map { sheet -> Double in
            sheet.role == .pohon && sheet.layout != .drawing && !sheet.layout.isOneSheetTree ? 1 : 3
        }
        var possible = 0.0
        for value in possibles { possible += value }
        var points = 0.0
        for (index, sheet) in mapping.sheets.enumerated() {
            // No sheet gains more than its possible points.
            var highest = points
            for value in possibles[index...] { highest += value }
            if possible > 0, cannotWin(highest / possible) { return nil }
            let drawn = sheet.layout == .drawing
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
