import PokinCore

/// Receives the events of a `SAXPushParser` (the small parts: relationships, workbook,
/// styles, shared strings). Subclasses override what they need. The worksheet scanner does not
/// use this class: it is reached through a pointer, without dynamic dispatch.
class SAXEventSink {
    let status: UnsafeMutablePointer<SAXStatus>

    init() {
        status = .allocate(capacity: 1)
        status.initialize(to: SAXStatus())
    }

    deinit {
        status.deinitialize(count: 1)
        status.deallocate()
    }

    func startElement(_ name: SAXName, _ attributes: SAXAttributes) {}
    func endElement(_ name: SAXName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    /// Records `error` and stops the parser at once.
    final func fail(_ error: PokinError) { status.pointee.fail(error) }

    /// The line the parser is at, for error locations.
    final var currentLine: Int? { status.pointee.currentLine }
}
