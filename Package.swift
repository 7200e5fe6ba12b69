// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pokin",
    products: [
        .executable(name: "pokin", targets: ["pokin"]),
        .library(name: "PokinCore", targets: ["PokinCore"]),
        .library(name: "PokinCSV", targets: ["PokinCSV"]),
        .library(name: "PokinXLSX", targets: ["PokinXLSX"]),
        .library(name: "PokinModel", targets: ["PokinModel"]),
        .library(name: "PokinMapping", targets: ["PokinMapping"]),
        .library(name: "PokinCheck", targets: ["PokinCheck"]),
        .library(name: "PokinRender", targets: ["PokinRender"]),
        .library(name: "PokinExport", targets: ["PokinExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // MARK: C libraries, installed on the system and found through pkg-config
        .systemLibrary(name: "CLibzip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibxml2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // MARK: Libraries, one job each
        /// Cell values, positions, locations and the one error type every module throws.
        .target(name: "PokinCore"),
        /// CSV tokenizer, reader and writer. Knows nothing about performance trees.
        .target(name: "PokinCSV", dependencies: ["PokinCore"]),
        /// XLSX reader and writer over libzip and libxml2. Knows nothing about performance trees.
        .target(name: "PokinXLSX", dependencies: ["PokinCore", "CLibzip", "CLibxml2"]),
        /// The canonical performance-tree model (pohon kinerja), its validation and canonical JSON.
        .target(name: "PokinModel", dependencies: ["PokinCore"]),
        /// Mapping files: tables of any agency layout onto the canonical tree and back.
        .target(name: "PokinMapping", dependencies: ["PokinCore", "PokinModel", .product(name: "Yams", package: "Yams")]),

        /// Cross-stage consistency rules over the canonical model (pokin check).
        .target(name: "PokinCheck", dependencies: ["PokinCore", "PokinModel", "PokinMapping"]),
        /// The pohon kinerja and cascading views drawn from the model (SVG, HTML).
        .target(name: "PokinRender", dependencies: ["PokinCore", "PokinModel"]),

        /// The standard template workbook and the tahap CSV files, drawn from the model.
        .target(name: "PokinExport", dependencies: ["PokinCore", "PokinModel", "PokinMapping", "PokinXLSX", "PokinCSV", "PokinRender"]),

        // MARK: Command-line tool
        .executableTarget(
            name: "pokin",
            dependencies: [
                "PokinCore", "PokinCSV", "PokinXLSX", "PokinModel", "PokinMapping", "PokinCheck", "PokinRender", "PokinExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        .target(name: "PokinTestSupport", dependencies: ["PokinCore"], path: "Tests/PokinTestSupport"),
        .testTarget(name: "PokinCoreTests", dependencies: ["PokinCore", "PokinTestSupport"]),
        .testTarget(name: "PokinCSVTests", dependencies: ["PokinCSV", "PokinTestSupport"]),
        .testTarget(name: "PokinXLSXTests", dependencies: ["PokinXLSX", "PokinTestSupport"]),
        .testTarget(name: "PokinModelTests", dependencies: ["PokinModel", "PokinTestSupport"]),
        // The mapping tests read real fixture workbooks, so they use the XLSX and CSV readers too.
        .testTarget(name: "PokinMappingTests", dependencies: ["PokinMapping", "PokinXLSX", "PokinCSV", "PokinTestSupport"]),
        .testTarget(name: "PokinCheckTests", dependencies: ["PokinCheck", "PokinMapping", "PokinXLSX", "PokinTestSupport"]),
        .testTarget(name: "PokinRenderTests", dependencies: ["PokinRender", "PokinTestSupport"]),
        .testTarget(name: "PokinExportTests", dependencies: ["PokinExport", "PokinMapping", "PokinXLSX", "PokinCSV", "PokinTestSupport"]),
        .testTarget(name: "PokinCLITests", dependencies: ["pokin", "PokinXLSX", "PokinTestSupport"]),
    ]
)
