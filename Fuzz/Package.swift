// swift-tools-version:6.0
// libFuzzer targets for pokin's readers. A package of its own, so that the main package's
// `swift build` / `swift test` never see libFuzzer. Built and run by `Scripts/fuzz.sh`:
//   swift build --package-path Fuzz --scratch-path .build-fuzz-lf -c debug \
//       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// Each executable defines `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`.
import PackageDescription

let pokin = "pokin"
func fuzzer(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: "fuzz-\(name)",
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: pokin) },
        path: "Targets/\(name)"
    )
}

let package = Package(
    name: "pokin-fuzz",
    dependencies: [
        .package(name: pokin, path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport",
                dependencies: [.product(name: "PokinCore", package: pokin), .product(name: "PokinXLSX", package: pokin)],
                path: "Support"),
        fuzzer("xlsx", ["PokinCore", "PokinXLSX"]),
        fuzzer("sheet-xml", ["PokinCore", "PokinXLSX"]),
        fuzzer("sheet-xml-events", ["PokinXLSX"]),
        fuzzer("shared-strings", ["PokinCore", "PokinXLSX"]),
        fuzzer("zip", ["PokinCore", "PokinXLSX"]),
        fuzzer("csv", ["PokinCore", "PokinCSV"]),
        fuzzer("mapping", ["PokinCore", "PokinMapping", "PokinXLSX"]),
        fuzzer("convert", ["PokinCore", "PokinXLSX", "PokinMapping", "PokinModel", "PokinExport"]),
    ]
)
