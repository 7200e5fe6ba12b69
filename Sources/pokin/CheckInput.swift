import Foundation
import PokinCore
import PokinMapping
import PokinModel

/// What `pokin check` reads: a workbook or CSV through a mapping (as convert does), or canonical
/// JSON; and the words that mean each level (the mapping's vocabulary, else the standard one).
struct CheckInput {
    var model: PohonKinerja
    var vocabulary: LevelVocabulary
    /// The input's file name, as the report names it.
    var name: String
    /// The folder where the workbook the cell references point into is expected (for links).
    var workbookFolder: URL

    static func read(_ input: String, mapping: String?) throws -> CheckInput {
        let url = URL(fileURLWithPath: input)
        let name = url.lastPathComponent
        if FileKind(path: input) == .json {
            if mapping != nil { printError("pokin: --mapping is ignored: \(name) is canonical JSON, which needs no mapping") }
            return CheckInput(model: try PohonKinerja.read(path: input), vocabulary: .standard, name: name,
                              workbookFolder: url.deletingLastPathComponent())
        }
        let model = try ModelImport.read(input, mapping: mapping)
        return CheckInput(model: model, vocabulary: vocabulary(input, mapping: mapping), name: name,
                          workbookFolder: url.deletingLastPathComponent())
    }

    /// The vocabulary of the mapping ModelImport used: the one named, else the one recognised.
    private static func vocabulary(_ input: String, mapping: String?) -> LevelVocabulary {
        let catalog = MappingCatalog()
        if let mapping, let file = try? catalog.mapping(named: mapping) { return file.vocabulary }
        if let workbook = try? InputOpener.open(input), let file = try? catalog.recognise(workbook) { return file.vocabulary }
        return .standard
    }
}
