/// Writes pages of diagrams as one HTML document with the SVG inline: a heading, a table of
/// contents when there are several pages, then one section per page. The document is also
/// well-formed XML. Deterministic; every text is escaped.
public enum HTMLWriter {
    public static func document(_ pages: [DiagramPage], title: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"generator\" content=\"pokin\"/>\n"
        out += "<title>\(Markup.escape(title))</title>\n"
        out += "<style>\nbody { font-family: \(SVGWriter.fontFamily); margin: 16px; color: #1B2631; }\n"
        out += "h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }\n"
        out += ".diagram { overflow: auto; border: 1px solid #D5D8DC; }\n"
        out += ".diagram svg { display: block; }\n"
        out += "@media print { section { page-break-after: always; } .diagram { overflow: visible; border: none; } }\n"
        out += "</style>\n</head>\n<body>\n<h1>\(Markup.escape(title))</h1>\n"
        if pages.count > 1 {
            out += "<nav>\n<ol>\n"
            for (index, page) in pages.enumerated() {
                out += "<li><a href=\"#halaman-\(index + 1)\">\(Markup.escape(page.title))</a></li>\n"
            }
            out += "</ol>\n</nav>\n"
        }
        for (index, page) in pages.enumerated() {
            out += "<section id=\"halaman-\(index + 1)\">\n"
            if pages.count > 1 { out += "<h2>\(Markup.escape(page.title))</h2>\n" }
            out += "<div class=\"diagram\">\n" + SVGWriter.element(page.diagram) + "</div>\n</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }
}
