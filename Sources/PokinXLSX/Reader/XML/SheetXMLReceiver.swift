/// Receives the events of `SheetXMLTokenizer`: the same calls, with the same name and attribute
/// views, that libxml2's SAX2 callbacks make (`SAXPushParser.Target.sheet`).
protocol SheetXMLReceiver {
    mutating func startElement(_ name: SAXName, _ attributes: SAXAttributes)
    mutating func endElement(_ name: SAXName)
    mutating func characters(_ bytes: UnsafePointer<UInt8>, _ count: Int)
    /// True once the receiver has failed: the tokenizer then gives up (the libxml2 path, run
    /// again from the start, raises the failure with its line).
    var stopped: Bool { get }
}

extension SheetScanState: SheetXMLReceiver {
    var stopped: Bool { status.failed }
}
