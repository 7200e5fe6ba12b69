private import CLibxml2
import PokinCore

/// libxml2's SAX2 push parser, fed chunk by chunk.
///
/// Security: the options never include `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`,
/// `XML_PARSE_DTDATTR` or `XML_PARSE_HUGE`; `XML_PARSE_NONET` is set; a DOCTYPE stops the parse
/// before its internal subset (and so any entity declaration) is read.
final class SAXPushParser {
    /// Who receives the events.
    enum Target {
        /// A `SAXEventSink` subclass (dynamic dispatch; for small parts).
        case sink(SAXEventSink)
        /// The worksheet scanner, whose state is called directly (the hot path).
        case sheet(SheetScanner)
    }

    private let context: UnsafeMutablePointer<xmlParserCtxt>
    private let status: UnsafeMutablePointer<SAXStatus>
    /// Keeps the sink or scanner (and so the status) alive as long as the parser.
    private let owner: AnyObject
    private let file: String
    private let part: String
    private var finished = false

    private static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    convenience init(sink: SAXEventSink, file: String, part: String) throws {
        try self.init(target: .sink(sink), file: file, part: part)
    }

    init(target: Target, file: String, part: String) throws {
        _ = SAXPushParser.libraryReady
        var handler: xmlSAXHandler
        let userData: UnsafeMutableRawPointer
        switch target {
        case .sink(let sink):
            handler = sinkTrampolines
            userData = Unmanaged.passUnretained(sink).toOpaque()
            status = sink.status
            owner = sink
        case .sheet(let scanner):
            handler = sheetTrampolines
            userData = UnsafeMutableRawPointer(scanner.state)
            status = scanner.state.pointer(to: \.status)!
            owner = scanner
        }
        guard let context = xmlCreatePushParserCtxt(&handler, userData, nil, 0, part) else {
            throw PokinError(.malformedXML, "could not start the XML parser for \(part)", at: Location(file: file, part: part))
        }
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        xmlCtxtUseOptions(context, Int32(options))
        self.context = context
        self.file = file
        self.part = part
        status.pointee.context = UnsafeMutableRawPointer(context)
    }

    deinit {
        status.pointee.context = nil
        xmlFreeParserCtxt(context)
    }

    /// Parses the next piece of the document.
    func feed(_ bytes: UnsafeRawBufferPointer) throws {
        guard !finished, bytes.count > 0, let base = bytes.baseAddress else { return }
        let result = xmlParseChunk(context, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), 0)
        try check(result)
    }

    /// Tells the parser the document is complete.
    func finish() throws {
        guard !finished else { return }
        finished = true
        let result = xmlParseChunk(context, nil, 0, 1)
        try check(result)
    }

    private func check(_ result: Int32) throws {
        let current = status.pointee
        if let failure = current.failure { finished = true; throw failure }
        if current.sawDoctype {
            finished = true
            throw PokinError(.unsafeXML,
                             "\(part) declares a DOCTYPE; a workbook never needs one and it is how XML bombs and external-entity attacks work, so the file is refused. Open it in Excel and save it again if it is genuine",
                             at: Location(file: file, line: current.currentLine, part: part))
        }
        if let error = current.syntaxError {
            finished = true
            throw PokinError(.malformedXML,
                             "\(part) is not well-formed XML (\(error.message), line \(error.line), column \(error.column)); the workbook is damaged: open and save it again in Excel or LibreOffice",
                             at: Location(file: file, line: error.line, part: part))
        }
        if result != 0 && context.pointee.wellFormed == 0 {
            finished = true
            throw PokinError(.malformedXML, "\(part) is not well-formed XML (libxml2 error \(result)); the workbook is damaged: open and save it again in Excel or LibreOffice",
                             at: Location(file: file, part: part))
        }
    }
}

@available(*, unavailable)
extension SAXPushParser: Sendable {}

// MARK: - Trampolines shared by both handler sets

/// A DOCTYPE: record it and stop before the internal subset is parsed.
private func doctypeSeen(_ status: UnsafeMutablePointer<SAXStatus>) {
    status.pointee.sawDoctype = true
    status.pointee.stop()
}

/// Keeps the first fatal error; namespace warnings and recoverable errors do not change values.
private func errorSeen(_ status: UnsafeMutablePointer<SAXStatus>, _ error: UnsafePointer<xmlError>) {
    guard error.pointee.level == XML_ERR_FATAL, status.pointee.syntaxError == nil, !status.pointee.sawDoctype else { return }
    // XML_ERR_USER_STOP: our own stop (a handler failure or a DOCTYPE), already recorded.
    if error.pointee.code == Int32(XML_ERR_USER_STOP.rawValue) { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "syntax error"
    while message.last == "\n" { message.removeLast() }
    status.pointee.syntaxError = (message, Int(error.pointee.line), Int(error.pointee.int2))
}

// MARK: - Sink trampolines (user data: an unretained SAXEventSink)

@inline(__always)
private func sink(_ context: UnsafeMutableRawPointer?) -> SAXEventSink {
    Unmanaged<SAXEventSink>.fromOpaque(context!).takeUnretainedValue()
}

nonisolated(unsafe) private let sinkTrampolines: xmlSAXHandler = {
    var handler = xmlSAXHandler()
    handler.initialized = UInt32(XML_SAX2_MAGIC)
    handler.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
        guard let localName else { return }
        sink(context).startElement(SAXName(local: localName, uri: uri), SAXAttributes(base: attributes, count: Int(attributeCount)))
    }
    handler.endElementNs = { context, localName, _, uri in
        guard let localName else { return }
        sink(context).endElement(SAXName(local: localName, uri: uri))
    }
    let characters: charactersSAXFunc = { context, bytes, count in
        guard let bytes, count > 0 else { return }
        sink(context).characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
    }
    handler.characters = characters
    handler.ignorableWhitespace = characters
    handler.cdataBlock = characters
    handler.internalSubset = { context, _, _, _ in doctypeSeen(sink(context).status) }
    handler.serror = { context, error in
        guard let context, let error else { return }
        errorSeen(sink(context).status, error)
    }
    return handler
}()

// MARK: - Worksheet trampolines (user data: the SheetScanState pointer)

@inline(__always)
private func sheet(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<SheetScanState> {
    context.unsafelyUnwrapped.assumingMemoryBound(to: SheetScanState.self)
}

nonisolated(unsafe) private let sheetTrampolines: xmlSAXHandler = {
    var handler = xmlSAXHandler()
    handler.initialized = UInt32(XML_SAX2_MAGIC)
    handler.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
        sheet(context).pointee.startElement(SAXName(local: localName.unsafelyUnwrapped, uri: uri),
                                            SAXAttributes(base: attributes, count: Int(attributeCount)))
    }
    handler.endElementNs = { context, localName, _, uri in
        sheet(context).pointee.endElement(SAXName(local: localName.unsafelyUnwrapped, uri: uri))
    }
    let characters: charactersSAXFunc = { context, bytes, count in
        guard let bytes, count > 0 else { return }
        sheet(context).pointee.characters(bytes, Int(count))
    }
    handler.characters = characters
    handler.ignorableWhitespace = characters
    handler.cdataBlock = characters
    handler.internalSubset = { context, _, _, _ in doctypeSeen(sheet(context).pointer(to: \.status)!) }
    handler.serror = { context, error in
        guard let context, let error else { return }
        errorSeen(sheet(context).pointer(to: \.status)!, error)
    }
    return handler
}()
