/// The events of one parse written down, so that the tokenizer's events and libxml2's can be
/// compared: one record per event (adjacent character data joined into one record, since how
/// text is split is not part of the contract), `start {uri}local [prefix|{uri}]name="value"…`,
/// `end {uri}local`, `text …` (control characters as `\N`). Records are bytes separated by
/// 0xFF (never in UTF-8), built without a String per event, so that the fuzz targets stay fast.
struct SheetXMLEventLog: SheetXMLReceiver {
    private(set) var bytes: [UInt8] = []
    private var inText = false

    var stopped: Bool { false }

    mutating func startElement(_ name: SAXName, _ attributes: SAXAttributes) {
        record("start ")
        appendName(name.local, name.uri)
        if let base = attributes.base {
            for index in 0..<attributes.count {
                let slot = base + index * 5
                append(" [")
                if let prefix = slot[1] { appendCString(prefix) }
                append("|")
                appendName(slot[0]!, slot[2])
                append("]=\"")
                if let start = slot[3], let end = slot[4] { bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start)) }
                append("\"")
            }
        }
    }

    mutating func endElement(_ name: SAXName) {
        record("end ")
        appendName(name.local, name.uri)
    }

    mutating func characters(_ text: UnsafePointer<UInt8>, _ count: Int) {
        if !inText {
            record("text ")
            inText = true
        }
        for byte in UnsafeBufferPointer(start: text, count: count) {
            if byte < 0x20 || byte == 0x7F {
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(contentsOf: String(byte).utf8)
            } else {
                bytes.append(byte)
            }
        }
    }

    /// Ends the log with an `error` record when there is one.
    mutating func finish(error: String? = nil) {
        if let error {
            record("error ")
            bytes.append(contentsOf: error.utf8)
        }
    }

    /// The records as text lines.
    static func lines(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0xFF, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }

    private mutating func record(_ kind: StaticString) {
        inText = false
        bytes.append(0xFF)
        append(kind)
    }

    private mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private mutating func appendCString(_ text: UnsafePointer<UInt8>) {
        var index = 0
        while text[index] != 0 {
            bytes.append(text[index])
            index += 1
        }
    }

    private mutating func appendName(_ local: UnsafePointer<UInt8>, _ uri: UnsafePointer<UInt8>?) {
        append("{")
        if let uri { appendCString(uri) }
        append("}")
        appendCString(local)
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
