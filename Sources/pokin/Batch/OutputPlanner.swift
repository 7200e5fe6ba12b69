import Foundation
import PokinCore

/// Decides where each input's output goes, and refuses a batch that would write over any input.
///
/// `kab-a/dinas.xlsx` becomes `OUT/kab-a/dinas.json` (`--to json`), `OUT/kab-a/dinas.xlsx`
/// (`--to xlsx`) or the folder `OUT/kab-a/dinas/` (`--to csv`). Two inputs that would share an
/// output (`dinas.xlsx` and `dinas.csv`) both keep their extension in the name instead
/// (`dinas-xlsx.json`, `dinas-csv.json`).
///
/// Inputs are never written over: when an output would land on an input of the batch (same
/// path, or the same file through a link), or a CSV output folder would hold an input, the
/// whole batch is refused before anything is read or written, with the first such pairs
/// named. That happens with `--to xlsx` and `--out` set to the inputs' own folder.
struct OutputPlanner {
    var outFolder: [String]
    var form: ModelExport.Form

    /// The output path of every input, in the same order.
    /// - Throws: `usage` when outputs would overwrite inputs or one another, or the report.
    func plan(_ inputs: [BatchInput], report: [String]?) throws -> [String] {
        var relatives = inputs.map { outputRelativePath($0.relativePath, keepingExtension: false) }
        var owners: [String: [Int]] = [:]
        for (index, relative) in relatives.enumerated() { owners[relative, default: []].append(index) }
        for (_, indices) in owners where indices.count > 1 {
            for index in indices {
                relatives[index] = outputRelativePath(inputs[index].relativePath, keepingExtension: true)
            }
        }
        let outputs = relatives.map { BatchPath.text(outFolder + $0.split(separator: "/").map(String.init)) }
        try refuseClashes(inputs, outputs, report: report)
        return outputs
    }

    /// `a/x.xlsx` → `a/x.json` (or `a/x-xlsx.json` when keeping the extension).
    func outputRelativePath(_ relative: String, keepingExtension: Bool) -> String {
        var parts = relative.split(separator: "/").map(String.init)
        let name = parts.popLast() ?? relative
        let ext = (name as NSString).pathExtension
        var stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        if keepingExtension && !ext.isEmpty { stem += "-" + ext.lowercased() }
        if stem.isEmpty { stem = name }
        switch form {
        case .json: parts.append(stem + ".json")
        case .xlsx: parts.append(stem + ".xlsx")
        case .csvFolder: parts.append(stem)
        }
        return parts.joined(separator: "/")
    }

    private func refuseClashes(_ inputs: [BatchInput], _ outputs: [String], report: [String]?) throws {
        var problems: [String] = []
        let inputPaths = Set(inputs.map(\.path))
        var inputFiles: [FileIdentity: String] = [:]
        for input in inputs {
            if let identity = FileIdentity(path: input.path) { inputFiles[identity] = input.path }
        }
        var outputOwners: [String: String] = [:]
        for (input, output) in zip(inputs, outputs) {
            if let other = outputOwners[output] {
                problems.append("\(input.path) and \(other) would both write \(output)")
            }
            outputOwners[output] = input.path
            if output == input.path {
                problems.append("the output of \(input.path) would be written over that input itself")
            } else if inputPaths.contains(output) {
                problems.append("\(output) is an input and would be overwritten by the output of \(input.path)")
            } else if let identity = FileIdentity(path: output), let same = inputFiles[identity] {
                problems.append("\(output) is the input \(same) (a link to it) and would be overwritten")
            }
        }
        if form == .csvFolder {
            // An output folder holding inputs: its CSV files could replace them.
            let folders = Set(outputs.map { BatchPath.components($0, from: "/") })
            for input in inputs {
                var folder = BatchPath.components(input.path, from: "/")
                while !folder.isEmpty {
                    folder.removeLast()
                    if folders.contains(folder) {
                        problems.append("the output folder \(BatchPath.text(folder)) would hold the input \(input.path)")
                        break
                    }
                }
            }
        }
        if let report {
            let reportPath = BatchPath.text(report)
            if inputPaths.contains(reportPath) || FileIdentity(path: reportPath).map({ inputFiles[$0] != nil }) == true {
                problems.append("the report \(reportPath) is an input")
            }
            if outputOwners[reportPath] != nil { problems.append("the report \(reportPath) is also the output of \(outputOwners[reportPath]!)") }
        }
        guard !problems.isEmpty else { return }
        let shown = problems.prefix(5).joined(separator: "; ")
        let more = problems.count > 5 ? " (and \(problems.count - 5) more)" : ""
        throw PokinError(.outputWouldOverwriteInput,
                         "nothing was converted, because \(shown)\(more). Choose an --out folder that does not hold the inputs (or rename the inputs that clash)",
                         at: Location(file: BatchPath.text(outFolder)))
    }
}

/// A file's device and inode: the same file under two names (a link) has one identity.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
