import Foundation
import PokinTestSupport

/// Runs a program and reports its peak resident memory.
///
/// Measured from a small Python parent (`RUSAGE_CHILDREN` after the child exits), not from the
/// test runner: a child spawned straight from the large test process (posix_spawn uses vfork)
/// inherits the runner's high-water mark into its own `ru_maxrss` at exec, so wait4 would report
/// the runner's memory, not the child's.
enum MeasuredChild {
    struct Result {
        var status: Int32
        var maxResidentKiB: Int
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let script = """
            import resource, subprocess, sys
            child = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
            print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            sys.exit(child.returncode)
            """
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script, executable] + arguments)
        guard let peak = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw MissingRequirement(description: "python3 did not report the child's memory: \(result.stdout) \(result.stderr)")
        }
        return Result(status: result.status, maxResidentKiB: peak, stderr: result.stderr)
    }
}
