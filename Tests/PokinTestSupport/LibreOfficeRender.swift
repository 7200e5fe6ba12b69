import Foundation

/// LibreOffice headless turns a workbook into a PDF (every sheet, as printed), and poppler
/// turns the PDF into text and PNG pages: the real renderers a drawing must survive.
public enum LibreOfficeRender {
    /// Run where soffice and poppler are installed, and always on CI (where their absence fails).
    public static var enabled: Bool {
        TestEnvironment.isCI || (TestEnvironment.hasExecutable("soffice") && TestEnvironment.hasExecutable("pdftoppm"))
    }

    /// Fails when a tool is missing; call first.
    public static func require() throws {
        for (tool, package) in [("soffice", "libreoffice-calc-nogui"), ("pdftoppm", "poppler-utils"), ("pdftotext", "poppler-utils")]
        where !TestEnvironment.hasExecutable(tool) {
            throw MissingRequirement(description: "\(tool) is not installed; .ci/run installs \(package)")
        }
    }

    /// `workbook` as a PDF in `folder`, with a private LibreOffice profile, under a time limit.
    public static func pdf(of workbook: URL, in folder: URL) throws -> URL {
        let profile = try Fixtures.temporaryDirectory("lo-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try ProcessRunner.run("/usr/bin/env", [
            "timeout", "300", "soffice", "--headless", "--norestore", "-env:UserInstallation=file://\(profile.path)",
            "--convert-to", "pdf", "--outdir", folder.path, workbook.path,
        ])
        let pdf = folder.appendingPathComponent(workbook.deletingPathExtension().lastPathComponent + ".pdf")
        guard result.status == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw MissingRequirement(description: "soffice did not convert \(workbook.lastPathComponent) (\(result.status)): \(result.stderr)")
        }
        return pdf
    }

    /// The PDF's text (`pdftotext -layout`).
    public static func text(of pdf: URL) throws -> String {
        let result = try ProcessRunner.run("/usr/bin/env", ["pdftotext", "-layout", pdf.path, "-"])
        guard result.status == 0 else { throw MissingRequirement(description: "pdftotext failed: \(result.stderr)") }
        return result.stdout
    }

    /// The first page as an RGB raster at `dpi` (poppler's PPM output, read here).
    public static func raster(of pdf: URL, dpi: Int = 40) throws -> Raster {
        let stem = pdf.deletingPathExtension().path + "-raster"
        let result = try ProcessRunner.run("/usr/bin/env", ["pdftoppm", "-r", "\(dpi)", "-singlefile", "-f", "1", "-l", "1", pdf.path, stem])
        guard result.status == 0 else { throw MissingRequirement(description: "pdftoppm failed: \(result.stderr)") }
        return try Raster(ppm: [UInt8](try Data(contentsOf: URL(fileURLWithPath: stem + ".ppm"))))
    }

    /// An RGB image: 3 bytes a pixel, rows top to bottom.
    public struct Raster: Sendable {
        public var width: Int
        public var height: Int
        public var pixels: [UInt8]

        /// Reads a binary PPM (`P6`, 8-bit).
        public init(ppm bytes: [UInt8]) throws {
            var index = 0
            func token() -> String {
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
                let start = index
                while index < bytes.count, !(bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09) { index += 1 }
                return String(decoding: bytes[start..<index], as: UTF8.self)
            }
            guard token() == "P6", let width = Int(token()), let height = Int(token()), token() == "255" else {
                throw MissingRequirement(description: "not an 8-bit binary PPM")
            }
            index += 1
            guard bytes.count - index >= width * height * 3 else { throw MissingRequirement(description: "PPM too short") }
            self.width = width
            self.height = height
            pixels = Array(bytes[index..<(index + width * height * 3)])
        }

        /// How many pixels lie within `tolerance` (per channel) of the colour `hex` (`B03A2E`).
        public func count(near hex: String, tolerance: Int = 40) -> Int {
            let value = Int(hex, radix: 16) ?? 0
            let (r, g, b) = (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
            var count = 0
            var index = 0
            while index + 2 < pixels.count {
                if abs(Int(pixels[index]) - r) <= tolerance, abs(Int(pixels[index + 1]) - g) <= tolerance,
                   abs(Int(pixels[index + 2]) - b) <= tolerance {
                    count += 1
                }
                index += 3
            }
            return count
        }
    }
}
