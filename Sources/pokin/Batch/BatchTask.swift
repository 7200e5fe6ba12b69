import Foundation
import PokinCore
import PokinCSV
import PokinMapping
import PokinModel
import PokinXLSX

/// Converts one input of a batch, and turns whatever happens into a report entry: it never
/// throws, so a bad input cannot stop the others.
///
/// Each call opens its own reader (the XLSX reader and libxml2 parser contexts are not shared
/// between threads); the input is only ever opened for reading; the output is written through
/// `ModelExport.write` (a temporary name, then a rename), into folders created as needed.
struct BatchTask: Sendable {
    var form: ModelExport.Form
    /// The mapping named with `--mapping`, loaded once; nil recognises each input's layout.
    var mapping: MappingFile?
    /// The built-in mappings' folder (for recognition), found once.
    var mappingsFolder: URL?
    /// The built-in mappings, loaded once for the whole batch (recognition tries each).
    var builtIn: [MappingFile] = []
    var resume: Bool

    func run(_ input: BatchInput, output: String) -> BatchEntry {
        let started = DispatchTime.now().uptimeNanoseconds
        var entry = BatchEntry(input: input, output: output, status: .failed)
        do {
            if let code = input.listingProblem {
                throw PokinError(code, input.listingMessage ?? "the input cannot be read", at: Location(file: input.path))
            }
            if resume, OutputCompleteness.isComplete(output, form: form, andNewerThan: input.path) {
                entry.status = .skipped
            } else {
                try convert(input, to: output, into: &entry)
            }
        } catch let error as PokinError {
            entry.status = .failed
            entry.failure = error.inFile(input.path)
        } catch {
            entry.status = .failed
            entry.failure = PokinError(.unexpectedFailure, "the conversion stopped on an unexpected error: \(error)",
                                       at: Location(file: input.path))
        }
        entry.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return entry
    }

    private func convert(_ input: BatchInput, to output: String, into entry: inout BatchEntry) throws {
        let path = input.path
        let size = try BatchTask.regularFileSize(path)
        let model: PohonKinerja
        if (path as NSString).pathExtension.lowercased() == "json" {
            try BatchTask.refuseLarger(size, than: BatchLimits.maxJSONBytes, path)
            model = try PohonKinerja.read(path: path)
        } else {
            let workbook: any TableWorkbook
            switch try InputOpener.format(of: path) {
            case .xlsx:
                workbook = try XLSXWorkbook(path: path, limits: BatchLimits.xlsx)
            case .csv:
                try BatchTask.refuseLarger(size, than: BatchLimits.maxCSVBytes, path)
                var options = CSVReader.Options()
                options.removesFormulaGuard = true
                workbook = try CSVWorkbook(path: path, options: options)
            case .csvFolder:
                throw PokinError(.unsupportedFormat, "a folder is not a batch input; its files are listed one by one", at: Location(file: path))
            }
            let catalog = mappingsFolder.map { MappingCatalog(folder: $0) } ?? MappingCatalog()
            let imported = try ModelImport.importModel(from: workbook, input: path, mapping: mapping, catalog: catalog,
                                                       candidates: builtIn.isEmpty ? nil : builtIn)
            entry.mapping = imported.mappingName
            entry.mappingRecognised = imported.recognised
            model = imported.model
        }
        entry.nodes = model.nodes.count
        for diagnostic in model.diagnostics {
            switch diagnostic.severity {
            case .error: entry.errors += 1
            case .warning: entry.warnings += 1
            case .info: entry.infos += 1
            }
        }
        try BatchTask.createFolder(of: output)
        if form == .xlsx {
            // libzip finishes a workbook through its own temporary file beside the path it is
            // given (`PATH.XXXXXX`): give it a hidden temporary path, so that a batch killed
            // mid-write leaves only hidden names, which the next run sweeps away.
            let temporary = BatchTask.temporaryPath(for: output)
            do {
                try ModelExport.write(model, as: form, to: temporary)
                guard rename(temporary, output) == 0 else {
                    throw PokinError(.fileUnwritable, "could not rename the finished workbook into place: \(String(cString: strerror(errno)))",
                                     at: Location(file: output))
                }
            } catch {
                unlink(temporary)
                throw error
            }
        } else {
            // Flushed to disk once for the whole batch (BatchCommand), not file by file.
            try ModelExport.write(model, as: form, to: output, syncing: false)
        }
        entry.status = entry.errors + entry.warnings > 0 ? .convertedWithWarnings : .converted
    }

    /// `.NAME.pokin-PID.tmp` beside `output`: the temporary name every pokin writer uses.
    static func temporaryPath(for output: String) -> String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).pokin-\(getpid()).tmp").path
    }

    /// The size of a regular file; anything else (a folder, a FIFO that would block a reader
    /// forever, a device) is refused before it is opened.
    static func regularFileSize(_ path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw PokinError(errno == ENOENT ? .fileNotFound : .fileUnreadable,
                             "the file cannot be looked at: \(String(cString: strerror(errno)))", at: Location(file: path))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw PokinError(.unsupportedFormat, "this is not a regular file (a folder, pipe or device); pokin reads workbook, CSV and JSON files",
                             at: Location(file: path))
        }
        return Int(info.st_size)
    }

    static func refuseLarger(_ size: Int, than limit: Int, _ path: String) throws {
        guard size > limit else { return }
        throw PokinError(.sizeLimitExceeded, "the file is \(size >> 20) MiB; a batch reads CSV and JSON inputs up to \(limit >> 20) MiB. Convert it alone with pokin convert",
                         at: Location(file: path))
    }

    /// `mkdir -p` for the output's folder; safe when several workers create it at once.
    static func createFolder(of output: String) throws {
        var components = BatchPath.components(output, from: "/")
        components.removeLast()
        var info = stat()
        // Most outputs go into a folder an earlier output already needed: one look, no mkdir.
        if stat(BatchPath.text(components), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
        var current: [String] = []
        for component in components {
            current.append(component)
            let path = BatchPath.text(current)
            if mkdir(path, 0o777) != 0 && errno != EEXIST {
                throw PokinError(.fileUnwritable, "could not create the folder \(path): \(String(cString: strerror(errno)))",
                                 at: Location(file: output))
            }
        }
        guard stat(BatchPath.text(components), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw PokinError(.fileUnwritable, "\(BatchPath.text(components)) is not a folder", at: Location(file: output))
        }
    }
}
