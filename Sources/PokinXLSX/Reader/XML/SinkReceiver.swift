/// Hands `SheetXMLTokenizer`'s events to a `SAXEventSink`, as `SAXPushParser`'s trampolines
/// hand it libxml2's, so that the small parts and the shared strings are read by the tokenizer
/// too (`PackageReader.parse`).
struct SinkReceiver: SheetXMLReceiver {
    /// Kept alive by the caller for the whole run.
    unowned(unsafe) let sink: SAXEventSink

    @inline(__always)
    mutating func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        sink.startElement(name, attributes)
    }

    @inline(__always)
    mutating func endElement(_ name: SAXName) {
        sink.endElement(name)
    }

    @inline(__always)
    mutating func characters(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        sink.characters(UnsafeBufferPointer(start: bytes, count: count))
    }

    var stopped: Bool { sink.status.pointee.failed }
}
