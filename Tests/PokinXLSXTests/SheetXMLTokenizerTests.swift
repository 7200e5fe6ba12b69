import Foundation
import PokinCore
import PokinTestSupport
@testable @_spi(SheetParsing) import PokinXLSX
import Testing

/// The fast worksheet tokenizer against libxml2 on hand-made sheet XML: each document it reads
/// must give libxml2's events exactly (names, URIs, attributes, decoded text), and each case
/// outside its subset must make it give up.
@Suite("Worksheet XML fast path: same events as libxml2, or give up")
struct SheetXMLTokenizerTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func sheet(_ body: String, root: String = "worksheet") -> String {
        "\(declaration)<\(root) xmlns=\"\(main)\">\(body)</\(root)>"
    }

    /// Documents the tokenizer must read, each with the events libxml2 gives.
    static let readCases: [(String, String)] = [
        ("a conventional sheet", sheet("<dimension ref=\"A1:B2\"/><sheetData><row r=\"1\" spans=\"1:2\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>45000.5</v></c></row></sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>")),
        ("the five predefined entities in text", sheet("<sheetData><row><c t=\"str\"><v>a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;</v></c></row></sheetData>")),
        ("decimal and hexadecimal character references, one to CR", sheet("<sheetData><row><c t=\"str\"><v>&#65;&#x42;&#x00e9;&#233;&#x1F600;&#13;&#9;&#10;&#x10FFFF;&#xD7FF;&#xE000;&#0000065;</v></c></row></sheetData>")),
        ("references to < and &", sheet("<sheetData><row><c t=\"str\"><v>&#60;&#38;&#x3C;</v></c></row></sheetData>")),
        ("prefixed elements and attributes (x:, mc:, x14ac:, r:)", "\(declaration)<x:worksheet xmlns:x=\"\(main)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\" mc:Ignorable=\"x14ac\"><x:sheetData><x:row r=\"1\" x14ac:dyDescent=\"0.25\"><x:c r=\"A1\"><x:v>1</x:v></x:c></x:row></x:sheetData><mc:AlternateContent><mc:Choice Requires=\"x14ac\"><x:drawing r:id=\"rId1\"/></mc:Choice></mc:AlternateContent></x:worksheet>"),
        ("a prefix redeclared in a child and the default namespace changed and restored", "<a:worksheet xmlns:a=\"urn:one\" xmlns=\"urn:default\"><a:x xmlns:a=\"urn:two\"><a:y a:k=\"1\"/></a:x><a:z/><b xmlns=\"urn:three\"><c/></b><d/></a:worksheet>"),
        ("elements in no namespace", "<worksheet><sheetData><row><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>"),
        ("self-closing cells and rows", sheet("<sheetData><row r=\"1\"/><row r=\"2\"><c r=\"A2\"/><c r=\"B2\" s=\"3\"/></row></sheetData>")),
        ("an inline string with xml:space=\"preserve\"", sheet("<sheetData><row><c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">  a b  </t></is></c></row></sheetData>")),
        ("rich text runs with run properties and a phonetic run", sheet("<sheetData><row><c t=\"inlineStr\"><is><r><rPr><b/><sz val=\"11\"/></rPr><t>Kinerja</t></r><r><t xml:space='preserve'> Utama</t></r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></is></c></row></sheetData>")),
        ("formulas, shared and array", sheet("<sheetData><row><c r=\"A1\"><f>SUM(B1:B3)&gt;0</f><v>1</v></c><c r=\"B1\"><f t=\"shared\" ref=\"B1:B3\" si=\"0\">A1*2</f><v>2</v></c><c r=\"C1\" t=\"str\"><f t=\"array\" ref=\"C1\">\"a\"&amp;\"b\"</f><v>ab</v></c></row></sheetData>")),
        ("white-space text nodes with tabs and line feeds", "\(declaration)<worksheet xmlns=\"\(main)\">\n\t<sheetData>\n  <row r=\"1\">\n    <c r=\"A1\"><v> 1 </v></c>\n  </row>\n</sheetData>\n</worksheet>\n"),
        ("a byte-order mark before the declaration", "\u{FEFF}" + sheet("<sheetData/>")),
        ("a byte-order mark without a declaration", "\u{FEFF}<worksheet xmlns=\"\(main)\"/>"),
        ("no declaration, white space before the root", "\n  <worksheet xmlns=\"\(main)\"><sheetData/></worksheet>"),
        ("single quotes, lower-case utf-8, no standalone", "<?xml version='1.0' encoding='utf-8'?><worksheet xmlns='\(main)'/>"),
        ("only a version, and standalone=\"no\"", "<?xml version=\"1.0\"?><worksheet/><?xml version=\"1.0\" standalone=\"no\" ?>".replacingOccurrences(of: "<?xml version=\"1.0\" standalone=\"no\" ?>", with: "")),
        ("a declaration with standalone and white space before ?>", "<?xml version=\"1.0\"  standalone=\"no\"  ?><worksheet/>"),
        ("comments in the prolog, the content and the epilog", "<?xml version=\"1.0\"?><!-- before --><!----><worksheet><!-- in - side --><sheetData/></worksheet><!-- after -->\n"),
        ("UTF-8 text and attribute values (2, 3 and 4 bytes)", sheet("<sheetData><row><c t=\"str\"><v>Pemerintahan é ümlaut 中文 😀</v></c></row></sheetData><x name=\"né 中 😀\"/>")),
        ("> and ] in text and attribute values, ]] not followed by >", sheet("<sheetData><row><c t=\"str\" x=\"a>b]]>\"><v>1 > 0 ] ]] ]]x</v></c></row></sheetData>")),
        ("end tags with white space before >", sheet("<sheetData ><row ><c r=\"A1\" ><v>1</v ></c\n></row\t></sheetData>")),
        ("white space around = in attributes", sheet("<sheetData><row r = \"1\"\n spans\t=\t'1:1'><c r=\"A1\"><v>1</v></c></row></sheetData>")),
        ("an empty root", "<worksheet/>"),
        ("CR LF after the declaration (as Excel writes it), inside tags and in the epilog", "<?xml version=\"1.0\"\r\nencoding=\"UTF-8\"?>\r\n<worksheet\r\nxmlns=\"\(main)\"\r\n><sheetData\r\n/></worksheet\r\n>\r\n<!-- x -->\r\n"),
        ("DEL (0x7F) in text and attributes", sheet("<x a=\"\u{7F}\">\u{7F}</x>")),
        ("names with digits, dots, hyphens and underscores", "<_w-1.x xmlns:p_2=\"urn:p\"><p_2:a.b-c _d=\"1\"/></_w-1.x>"),
        ("240 prefixes declared in scope, the innermost binding of each used", String(repeating: "<a " + (0..<60).map { "xmlns:p\($0)=\"urn:\($0)\"" }.joined(separator: " ") + ">", count: 4) + "<p7:x p59:k=\"1\"/>" + String(repeating: "</a>", count: 4)),
        ("nesting 200 deep", String(repeating: "<a>", count: 200) + String(repeating: "</a>", count: 200)),
        ("an empty attribute value", sheet("<c r=\"\" t=''/>")),
        ("the same local name in two namespaces on different elements", "<w xmlns:a=\"urn:a\" xmlns:b=\"urn:b\"><x a:k=\"1\"/><y b:k=\"2\" a:j=\"4\"/><z k=\"3\"/></w>"),
    ]

    /// Documents the tokenizer must give up on.
    static let giveUpCases: [(String, String)] = [
        ("a DOCTYPE", "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY e \"x\">]><worksheet>&e;</worksheet>"),
        ("a DOCTYPE without internal subset", "<!DOCTYPE worksheet><worksheet/>"),
        ("CDATA", sheet("<sheetData><row><c t=\"str\"><v><![CDATA[a<b]]></v></c></row></sheetData>")),
        ("a processing instruction in the prolog", "<?xml version=\"1.0\"?><?mso-application progid=\"Excel.Sheet\"?><worksheet/>"),
        ("a processing instruction in the content", "<worksheet><?pi x?></worksheet>"),
        ("a processing instruction in the epilog", "<worksheet/><?pi x?>"),
        ("encoding ISO-8859-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet/>"),
        ("encoding UTF-16", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet/>"),
        ("encoding UTF8 (libxml2 takes it; not in the subset)", "<?xml version=\"1.0\" encoding=\"UTF8\"?><worksheet/>"),
        ("version 1.1", "<?xml version=\"1.1\"?><worksheet/>"),
        ("a declaration without version", "<?xml encoding=\"UTF-8\"?><worksheet/>"),
        ("a declaration after white space", " <?xml version=\"1.0\"?><worksheet/>"),
        ("a declaration with mismatched quotes", "<?xml version=\"1.0'?><worksheet/>"),
        ("encoding before version", "<?xml encoding=\"UTF-8\" version=\"1.0\"?><worksheet/>"),
        ("standalone=\"maybe\"", "<?xml version=\"1.0\" standalone=\"maybe\"?><worksheet/>"),
        ("no blank between version and encoding", "<?xml version=\"1.0\"encoding=\"UTF-8\"?><worksheet/>"),
        ("a CR in text (end-of-line normalisation)", "<worksheet><v>a\r\nb</v></worksheet>"),
        ("a CR between tags", "<worksheet>\r\n<v/></worksheet>"),
        ("a CR in a comment", "<worksheet><!-- a\r\nb --></worksheet>"),
        ("& in an attribute value", sheet("<c r=\"A1\" x=\"a&amp;b\"/>")),
        ("< in an attribute value", sheet("<c r=\"A1\" x=\"a<b\"/>")),
        ("TAB in an attribute value", sheet("<c r=\"A1\" x=\"a\tb\"/>")),
        ("LF in an attribute value", sheet("<c r=\"A1\" x=\"a\nb\"/>")),
        ("an unbound element prefix", "<worksheet><x:c/></worksheet>"),
        ("an unbound attribute prefix", "<worksheet><c x:r=\"1\"/></worksheet>"),
        ("a prefix bound only in a closed sibling", "<w><a xmlns:p=\"urn:p\"/><p:b/></w>"),
        ("a duplicate attribute", sheet("<c r=\"A1\" r=\"A2\"/>")),
        ("two attributes with one local name in one namespace", "<w xmlns:a=\"urn:x\" xmlns:b=\"urn:x\"><c a:k=\"1\" b:k=\"2\"/></w>"),
        ("two attributes with one local name, one prefixed", "<w xmlns:a=\"urn:x\"><c k=\"1\" a:k=\"2\"/></w>"),
        ("a duplicate namespace declaration", "<w xmlns:a=\"urn:x\" xmlns:a=\"urn:y\"/>"),
        ("two default namespace declarations", "<w xmlns=\"urn:x\" xmlns=\"urn:x\"/>"),
        ("xmlns=\"\" (undeclaring the default namespace)", "<w xmlns=\"urn:x\"><c xmlns=\"\"/></w>"),
        ("xmlns:p=\"\"", "<w xmlns:p=\"\"/>"),
        ("declaring the xml prefix", "<w xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>"),
        ("binding the xml namespace to another prefix", "<w xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>"),
        ("binding the xmlns namespace", "<w xmlns:p=\"http://www.w3.org/2000/xmlns/\"/>"),
        ("a namespace URI with a space", "<w xmlns=\"urn:a b\"/>"),
        ("an element with the xml prefix", "<w><xml:c/></w>"),
        ("an undefined entity", "<worksheet><v>&nbsp;</v></worksheet>"),
        ("an entity without ;", "<worksheet><v>&amp</v></worksheet>"),
        ("a reference to U+0000", "<worksheet><v>&#0;</v></worksheet>"),
        ("a reference to a control character", "<worksheet><v>&#1;</v></worksheet>"),
        ("a reference to a surrogate", "<worksheet><v>&#xD800;</v></worksheet>"),
        ("a reference to U+FFFE", "<worksheet><v>&#xFFFE;</v></worksheet>"),
        ("a reference beyond U+10FFFF", "<worksheet><v>&#x110000;</v></worksheet>"),
        ("a huge decimal reference", "<worksheet><v>&#99999999999999999999;</v></worksheet>"),
        ("&#X41; (upper-case X)", "<worksheet><v>&#X41;</v></worksheet>"),
        ("an empty reference &#;", "<worksheet><v>&#;</v></worksheet>"),
        ("a control character in text", "<worksheet><v>a\u{01}b</v></worksheet>"),
        ("a NUL byte in text", "<worksheet><v>a\u{00}b</v></worksheet>"),
        ("]]> in text", "<worksheet><v>a]]>b</v></worksheet>"),
        ("-- inside a comment", "<worksheet><!-- a -- b --></worksheet>"),
        ("a comment ending in --->", "<worksheet><!-- a ---></worksheet>"),
        ("an unterminated comment", "<worksheet><!-- a </worksheet>"),
        ("a non-ASCII element name", "<worksheet><é/></worksheet>"),
        ("a non-ASCII attribute name", "<worksheet><c é=\"1\"/></worksheet>"),
        ("a name starting with a digit", "<worksheet><1c/></worksheet>"),
        ("a name with two colons", "<w xmlns:a=\"urn:a\"><a:b:c/></w>"),
        ("a name ending with a colon", "<w><a:/></w>"),
        ("mismatched tags", "<worksheet><row></rox></worksheet>"),
        ("an end tag with a longer name", "<worksheet><row></rows></worksheet>"),
        ("an end tag written with another prefix for the same namespace", "<w xmlns:a=\"urn:x\" xmlns:b=\"urn:x\"><a:c></b:c></w>"),
        ("an unclosed element", "<worksheet><row>"),
        ("text after the root", "<worksheet/>x"),
        ("a second root", "<worksheet/><worksheet/>"),
        ("no root", "<?xml version=\"1.0\"?><!-- nothing -->"),
        ("an empty document", ""),
        ("text before the root", "x<worksheet/>"),
        ("no space between attributes", "<worksheet><c r=\"1\"t=\"s\"/></worksheet>"),
        ("a slash not followed by >", "<worksheet><c/ ></worksheet>"),
        ("an attribute without a value", "<worksheet><c r/></worksheet>"),
        ("an unquoted attribute value", "<worksheet><c r=1/></worksheet>"),
        ("U+FFFF in text (not an XML character)", "<worksheet><v>a\u{FFFF}b</v></worksheet>"),
        ("65 attributes on one element", "<w " + (0..<65).map { "a\($0)=\"1\"" }.joined(separator: " ") + "/>"),
        ("nesting deeper than 200", String(repeating: "<a>", count: 201) + String(repeating: "</a>", count: 201)),
        ("more than 256 prefixes declared in scope", String(repeating: "<a " + (0..<60).map { "xmlns:p\($0)=\"urn:\($0)\"" }.joined(separator: " ") + ">", count: 5) + String(repeating: "</a>", count: 5)),
        ("a name longer than 1000 bytes", "<w><\(String(repeating: "n", count: 1001))/></w>"),
    ]

    @Test("every document in the subset gives libxml2's events exactly", arguments: readCases.map(\.0))
    func readsLikeLibxml2(name: String) throws {
        let xml = try #require(Self.readCases.first { $0.0 == name }?.1)
        let outcome = SheetXMLEquivalence.compare(Array(xml.utf8))
        #expect(outcome == .same, "\(name): \(outcome)")
    }

    @Test("every document outside the subset makes the tokenizer give up", arguments: giveUpCases.map(\.0))
    func givesUp(name: String) throws {
        let xml = try #require(Self.giveUpCases.first { $0.0 == name }?.1)
        #expect(SheetXMLEquivalence.compare(Array(xml.utf8)) == .gaveUp, "\(name)")
    }

    @Test("invalid UTF-8 bytes (lone continuation, overlong, surrogate, truncated, beyond U+10FFFF) make it give up")
    func invalidUTF8() {
        let sequences: [[UInt8]] = [[0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
                                    [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                    [0xF5, 0x80, 0x80, 0x80], [0xC3], [0xE4, 0xB8], [0xFF], [0xFE]]
        for sequence in sequences {
            let text = Array("<w><v>a".utf8) + sequence + Array("b</v></w>".utf8)
            #expect(SheetXMLEquivalence.compare(text) == .gaveUp, "text \(sequence)")
            let attribute = Array("<w a=\"".utf8) + sequence + Array("\"/>".utf8)
            #expect(SheetXMLEquivalence.compare(attribute) == .gaveUp, "attribute \(sequence)")
            let comment = Array("<w><!--".utf8) + sequence + Array("--></w>".utf8)
            #expect(SheetXMLEquivalence.compare(comment) == .gaveUp, "comment \(sequence)")
        }
        // The valid neighbours of those sequences are read, as libxml2 reads them.
        for sequence: [UInt8] in [[0xC2, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBD], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF]] {
            let text = Array("<w a=\"".utf8) + sequence + Array("\"><v>".utf8) + sequence + Array("</v><!--".utf8) + sequence + Array("--></w>".utf8)
            #expect(SheetXMLEquivalence.compare(text) == .same, "\(sequence)")
        }
    }

    @Test("the tokenizer's text is libxml2's: entities and references decoded, white space kept")
    func decodedText() throws {
        let events = try #require(SheetXMLEquivalence.fastEvents(Array("<w><v> &lt;a&gt; &amp; &#x41;&#66; \t\n</v></w>".utf8)))
        #expect(events == ["start {}w", "start {}v", "text  <a> & AB \\9\\10", "end {}v", "end {}w"])
    }

    @Test("prefixed names resolve to their namespace URIs, xml: to the XML namespace, unprefixed attributes to none")
    func namespaces() throws {
        let xml = "<x:w xmlns:x=\"urn:main\" xmlns=\"urn:default\"><c r=\"A1\" xml:space=\"preserve\" x:k=\"v\"/></x:w>"
        let events = try #require(SheetXMLEquivalence.fastEvents(Array(xml.utf8)))
        #expect(events == ["start {urn:main}w",
                           "start {urn:default}c [|{}r]=\"A1\" [xml|{http://www.w3.org/XML/1998/namespace}space]=\"preserve\" [x|{urn:main}k]=\"v\"",
                           "end {urn:default}c", "end {urn:main}w"])
    }
}
