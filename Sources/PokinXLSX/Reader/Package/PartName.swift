/// OPC part names: how a relationship target becomes a zip entry name.
///
/// Real files write targets relative to the source part (`worksheets/sheet1.xml`), absolute
/// (`/xl/worksheets/sheet1.xml`, openpyxl), with `..`, with backslashes, percent-escaped, or in
/// another case than the zip entry. Part names compare case-insensitively (ECMA-376 Part 2).
enum PartName {
    /// The folder of a part, `xl/workbook.xml` → `xl`; `` for a root part.
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationshipsPart(of part: String) -> String {
        let folder = folder(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? part
        return folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
    }

    /// Resolves `target` against the folder of `source` (the part holding the relationship;
    /// empty for the package's own `_rels/.rels`). Returns a normalised name without a leading
    /// slash, or nil when the target climbs above the package root.
    static func resolve(_ target: String, from sourceFolder: String) -> String? {
        if let resolved = resolveASCII(target, from: sourceFolder) { return resolved }
        return resolveCharacters(target, from: sourceFolder)
    }

    /// `resolve` on the bytes for an ASCII target and folder (what real files hold); nil (not
    /// `.some(nil)`, a target that leaves the package) for other text. In ASCII every Character
    /// is one byte, except CR LF, one Character of two bytes neither of which is a slash,
    /// backslash, `#`, `?` or dot: cutting and splitting the bytes gives what
    /// `resolveCharacters` gives (`PartNameFastPathTests` compares them).
    static func resolveASCII(_ target: String, from sourceFolder: String) -> String?? {
        var target = target
        var sourceFolder = sourceFolder
        return target.withUTF8 { text in
            sourceFolder.withUTF8 { folder in
                guard isASCII(text), isASCII(folder) else { return nil }
                var output: [UInt8] = []
                output.reserveCapacity(folder.count + text.count + 1)
                // Where each segment starts in `output` (at its separating slash, if any).
                var starts: [Int] = []
                func push(_ segment: UnsafeBufferPointer<UInt8>.SubSequence) {
                    starts.append(output.count)
                    if !output.isEmpty { output.append(UInt8(ascii: "/")) }
                    output.append(contentsOf: segment)
                }
                // A fragment or query never names a part.
                var end = 0
                while end < text.count, text[end] != UInt8(ascii: "#"), text[end] != UInt8(ascii: "?") { end += 1 }
                let absolute = end > 0 && (text[0] == UInt8(ascii: "/") || text[0] == UInt8(ascii: "\\"))
                if !absolute {
                    for segment in folder.split(separator: UInt8(ascii: "/")) { push(segment) }
                }
                for segment in text[0..<end].split(whereSeparator: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }) {
                    if segment.count == 1 && segment.first == UInt8(ascii: ".") { continue }
                    if segment.count == 2 && segment.first == UInt8(ascii: ".") && segment.last == UInt8(ascii: ".") {
                        guard let start = starts.popLast() else { return .some(nil) }
                        output.removeSubrange(start...)
                        continue
                    }
                    push(segment)
                }
                return .some(starts.isEmpty ? nil : String(decoding: output, as: UTF8.self))
            }
        }
    }

    @inline(__always)
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// `resolve` on Characters, for any text.
    static func resolveCharacters(_ target: String, from sourceFolder: String) -> String? {
        var text = target.replacingOccurrences(of: "\\", with: "/")
        // A fragment or query never names a part.
        if let cut = text.firstIndex(where: { $0 == "#" || $0 == "?" }) { text = String(text[..<cut]) }
        var segments: [Substring] = []
        if !text.hasPrefix("/") {
            segments = sourceFolder.split(separator: "/", omittingEmptySubsequences: true)
        }
        for segment in text.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if segments.isEmpty { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }

    /// The key under which a zip entry or a resolved part name is looked up: backslashes become
    /// slashes, a leading slash goes, ASCII letters are lower-cased.
    static func key(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "/"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
            default: bytes.append(byte)
            }
        }
        while bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `%20` and friends decoded (targets are URIs); nil when nothing was escaped or the escape
    /// is not valid UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return nil }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let high = hexValue(iterator[iterator.startIndex]), let low = hexValue(iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
