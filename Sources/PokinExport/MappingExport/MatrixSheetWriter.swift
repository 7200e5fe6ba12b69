import PokinCore
import PokinMapping
import PokinModel

/// A `matrix` sheet (the cascading matrix): placeholder until built.
public struct MatrixSheetWriter: MappingSheetWriter {
    public init() {}

    public func write(_ sheet: SheetMapping, context: MappingExportContext) throws -> MappingSheet? {
        nil
    }
}
