import Foundation

/// Runs a program to completion and collects its exit status and output.
public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutBytes: [UInt8]
    }

    /// Runs `executable` with `arguments`, feeding `input` on standard input.
    public static func run(_ executable: String, _ arguments: [String], input: [UInt8] = [],
                           environment: [String: String]? = nil, currentDirectory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if !input.isEmpty { inPipe.fileHandleForWriting.write(Data(input)) }
        try? inPipe.fileHandleForWriting.close()
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self),
                      stdoutBytes: Array(outData))
    }
}

/// The `pokin` executable built beside the test bundle.
public enum PokinBinary {
    public static var url: URL {
        // The test runner lives in the build products folder (.build/debug), as does `pokin`.
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder = folder.deletingLastPathComponent() }
        let candidate = folder.appendingPathComponent("pokin")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            let url = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("pokin")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/pokin")
    }

    /// Runs `pokin` with arguments.
    public static func run(_ arguments: [String], input: [UInt8] = [], currentDirectory: URL? = nil) throws -> ProcessRunner.Result {
        try ProcessRunner.run(url.path, arguments, input: input, currentDirectory: currentDirectory)
    }
}
