import PokinCore

extension PokinError.Code {
    /// A batch would write an output over one of its inputs (or two inputs over one output);
    /// nothing is converted. Exit 2, as a usage error.
    static let outputWouldOverwriteInput = Self(rawValue: "output-would-overwrite-input")
    /// Something other than a `PokinError` stopped one input (a bug): reported, never fatal.
    static let unexpectedFailure = Self(rawValue: "unexpected-failure")
}
