/// The events of one parse written down as text, one line per event (adjacent character data
/// joined into one line, since how text is split is not part of the contract), so that the
/// tokenizer's events and libxml2's can be compared: `start {uri}local [prefix|{uri}]name="value"…`,
/// `end {uri}local`, `text …`.
struct SheetXMLEventLog: SheetXMLReceiver {
    private(set) var lines: [String] = []
    private var text: [UInt8] = []

    var stopped: Bool { false }

    mutating func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        flushText()
        var line = "start \(SheetXMLEventLog.describe(name.local, name.uri))"
        if let base = attributes.base {
            for index in 0..<attributes.count {
                let slot = base + index * 5
                let prefix = slot[1].map { String(cString: $0) } ?? ""
                let value = slot[3].map { String(decoding: UnsafeBufferPointer(start: $0, count: slot[4]! - $0), as: UTF8.self) } ?? ""
                line += " [\(prefix)|\(SheetXMLEventLog.describe(slot[0]!, slot[2]))]=\"\(value)\""
            }
        }
        lines.append(line)
    }

    mutating func endElement(_ name: SAXName) {
        flushText()
        lines.append("end \(SheetXMLEventLog.describe(name.local, name.uri))")
    }

    mutating func characters(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    /// Ends the log (pending text written) and returns it.
    mutating func finish(error: String? = nil) -> [String] {
        flushText()
        if let error { lines.append("error \(error)") }
        return lines
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        lines.append("text \(text.map { $0 < 0x20 || $0 == 0x7F ? "\\\($0)" : String(UnicodeScalar($0)) }.joined())")
        text.removeAll()
    }

    private static func describe(_ local: UnsafePointer<UInt8>, _ uri: UnsafePointer<UInt8>?) -> String {
        "{\(uri.map { String(cString: $0) } ?? "")}\(String(cString: local))"
    }
}

/// libxml2's events (through `SAXPushParser`, as the worksheet reader runs it) into a log.
final class SheetXMLEventLogSink: SAXEventSink {
    var log = SheetXMLEventLog()

    override func startElement(_ name: SAXName, _ attributes: SAXAttributes) { log.startElement(name, attributes) }
    override func endElement(_ name: SAXName) { log.endElement(name) }
    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if let base = text.baseAddress { log.characters(base, text.count) }
    }
}
