import ArgumentParser
import Foundation
import PokinCore

/// Runs a command body, printing any `PokinError` as one line on stderr and leaving with the
/// brief's exit status (1 input errors, 2 usage, 3 unreadable or unwritable file).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as PokinError {
        printError("pokin: \(error)")
        throw ExitCode(error.exitStatus)
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
