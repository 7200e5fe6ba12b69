private import CLibxml2
import PokinCore

/// Receives the events of a `SAXPushParser`. Subclasses override what they need.
///
/// A sink can stop the parse with an error of its own (`fail`), for example when a limit is
/// passed; the parser then throws that error.
class SAXEventSink {
    /// The first error a sink raised; parsing stops when it is set.
    final var failure: PokinError?
    /// Set when the document declares a DOCTYPE (refused before its internal subset is read).
    final var sawDoctype = false
    /// The first fatal well-formedness error libxml2 reported.
    final var syntaxError: (message: String, line: Int, column: Int)?
    /// The parser context, so that a sink can stop the parse from inside a callback.
    fileprivate final var context: UnsafeMutableRawPointer?

    func startElement(_ name: SAXName, _ attributes: SAXAttributes) {}
    func endElement(_ name: SAXName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    /// Records `error` and stops the parser at once.
    final func fail(_ error: PokinError) {
        if failure == nil { failure = error }
        stop()
    }

    /// The line the parser is at (for error locations), or nil outside a parse.
    final var currentLine: Int? {
        guard let context else { return nil }
        let line = xmlSAX2GetLineNumber(context)
        return line > 0 ? Int(line) : nil
    }

    fileprivate final func stop() {
        if let context { xmlStopParser(context.assumingMemoryBound(to: xmlParserCtxt.self)) }
    }
}

/// libxml2's SAX2 push parser, fed chunk by chunk, reporting to a `SAXEventSink`.
///
/// Security: the options never include `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`,
/// `XML_PARSE_DTDATTR` or `XML_PARSE_HUGE`; `XML_PARSE_NONET` is set; a DOCTYPE stops the parse
/// before its internal subset (and so any entity declaration) is read.
final class SAXPushParser {
    private let context: UnsafeMutablePointer<xmlParserCtxt>
    private let sink: SAXEventSink
    private let file: String
    private let part: String
    private var finished = false

    private static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    init(sink: SAXEventSink, file: String, part: String) throws {
        _ = SAXPushParser.libraryReady
        var handler = saxTrampolines
        let userData = Unmanaged.passUnretained(sink).toOpaque()
        guard let context = xmlCreatePushParserCtxt(&handler, userData, nil, 0, part) else {
            throw PokinError(.malformedXML, "could not start the XML parser for \(part)", at: Location(file: file, part: part))
        }
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
        xmlCtxtUseOptions(context, Int32(options))
        self.context = context
        self.sink = sink
        self.file = file
        self.part = part
        sink.context = UnsafeMutableRawPointer(context)
    }

    deinit {
        sink.context = nil
        xmlFreeParserCtxt(context)
    }

    /// Parses the next piece of the document.
    func feed(_ bytes: UnsafeRawBufferPointer) throws {
        guard !finished, bytes.count > 0, let base = bytes.baseAddress else { return }
        let status = xmlParseChunk(context, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), 0)
        try check(status)
    }

    /// Tells the parser the document is complete.
    func finish() throws {
        guard !finished else { return }
        finished = true
        let status = xmlParseChunk(context, nil, 0, 1)
        try check(status)
    }

    private func check(_ status: Int32) throws {
        if let failure = sink.failure { finished = true; throw failure }
        if sink.sawDoctype {
            finished = true
            throw PokinError(.unsafeXML,
                             "\(part) declares a DOCTYPE; a workbook never needs one and it is how XML bombs and external-entity attacks work, so the file is refused. Open it in Excel and save it again if it is genuine",
                             at: Location(file: file, line: sink.currentLine, part: part))
        }
        if let error = sink.syntaxError {
            finished = true
            throw PokinError(.malformedXML,
                             "\(part) is not well-formed XML (\(error.message), line \(error.line), column \(error.column)); the workbook is damaged: open and save it again in Excel or LibreOffice",
                             at: Location(file: file, line: error.line, part: part))
        }
        if status != 0 && context.pointee.wellFormed == 0 {
            finished = true
            throw PokinError(.malformedXML, "\(part) is not well-formed XML (libxml2 error \(status)); the workbook is damaged: open and save it again in Excel or LibreOffice",
                             at: Location(file: file, part: part))
        }
    }
}

@available(*, unavailable)
extension SAXPushParser: Sendable {}

// MARK: - C trampolines

@inline(__always)
private func sink(_ context: UnsafeMutableRawPointer?) -> SAXEventSink {
    Unmanaged<SAXEventSink>.fromOpaque(context!).takeUnretainedValue()
}

private let onStartElement: startElementNsSAX2Func = { context, localName, _, uri, _, _, attributeCount, _, attributes in
    guard let localName else { return }
    sink(context).startElement(SAXName(local: localName, uri: uri),
                               SAXAttributes(base: attributes, count: Int(attributeCount)))
}

private let onEndElement: endElementNsSAX2Func = { context, localName, _, uri in
    guard let localName else { return }
    sink(context).endElement(SAXName(local: localName, uri: uri))
}

private let onCharacters: charactersSAXFunc = { context, bytes, count in
    guard let bytes, count > 0 else { return }
    sink(context).characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
}

private let onDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    let target = sink(context)
    target.sawDoctype = true
    target.stop()
}

private let onError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let target = sink(context)
    // Only fatal errors matter: namespace warnings and recoverable errors do not change values.
    guard error.pointee.level == XML_ERR_FATAL, target.syntaxError == nil, !target.sawDoctype else { return }
    // XML_ERR_USER_STOP: our own stop (a sink failure or a DOCTYPE), already recorded.
    if error.pointee.code == Int32(XML_ERR_USER_STOP.rawValue) { return }
    var message = error.pointee.message.map { String(cString: $0) } ?? "syntax error"
    while message.last == "\n" { message.removeLast() }
    target.syntaxError = (message, Int(error.pointee.line), Int(error.pointee.int2))
}

/// One handler for every parser: all state lives in the sink passed as user data.
nonisolated(unsafe) private let saxTrampolines: xmlSAXHandler = {
    var handler = xmlSAXHandler()
    handler.initialized = UInt32(XML_SAX2_MAGIC)
    handler.startElementNs = onStartElement
    handler.endElementNs = onEndElement
    handler.characters = onCharacters
    handler.ignorableWhitespace = onCharacters
    handler.cdataBlock = onCharacters
    handler.internalSubset = onDoctype
    handler.serror = onError
    return handler
}()
