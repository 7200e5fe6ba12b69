import PokinMapping

/// Writes one sheet role of a mapping's layout: given the role's `SheetMapping` and the export
/// context (model, mapping, words, warnings), it returns the sheet as a grid of texts that the
/// mapping's own reader reads back into the same nodes — or nil when there is nothing to write.
///
/// One writer per `SheetLayout`; `MappingSheetWriters` says which. A writer:
/// - names the sheet `context.sheetName(for:)` (the mapping's first name for the role);
/// - places its header with `TableHeaderPlacement` (fixed row, or a title and a header the
///   `find` rule locates, agency cells at their fixed places);
/// - takes the nodes of its stage, in the sheet's own order, from `context.nodes(on:)` and
///   each node's wording there from `context.text(_:on:)`;
/// - takes level words from `context.words` (the agency's vocabulary);
/// - calls `context.carried(_:of:)` for every feature it wrote, so that what no sheet carries is
///   reported (`context.warn`) instead of silently lost.
public protocol MappingSheetWriter: Sendable {
    func write(_ sheet: SheetMapping, context: MappingExportContext) throws -> MappingSheet?
}
