import PokinCore

/// Owns the state of one worksheet scan at a fixed address, where libxml2's callbacks reach it
/// directly (`SAXPushParser.Target.sheet`): no dynamic dispatch and no exclusivity checks on
/// the hot path of millions of cells.
final class SheetScanner {
    let state: UnsafeMutablePointer<SheetScanState>

    init(sharedStrings: [String], styleKinds: [NumberFormatKind], date1904: Bool, limits: XLSXReadLimits,
         file: String, sheet: String, part: String) {
        state = .allocate(capacity: 1)
        state.initialize(to: SheetScanState(sharedStrings: sharedStrings, styleKinds: styleKinds, date1904: date1904,
                                            limits: limits, file: file, sheet: sheet, part: part))
    }

    deinit {
        state.pointee.releaseBuffers()
        state.deinitialize(count: 1)
        state.deallocate()
    }
}

@available(*, unavailable)
extension SheetScanner: Sendable {}
