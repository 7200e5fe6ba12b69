/// Exhaustive inputs for comparing a fast path with a general one: every string made of up to
/// `length` pieces drawn from `pieces` (the empty string included), shortest first.
public enum PieceCombinations {
    public static func all(_ pieces: [String], length: Int) -> [String] {
        var all = [""]
        var current = [""]
        for _ in 0..<length {
            current = current.flatMap { prefix in pieces.map { prefix + $0 } }
            all += current
        }
        return all
    }
}
