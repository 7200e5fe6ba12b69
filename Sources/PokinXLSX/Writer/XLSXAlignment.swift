/// How text sits in a cell.
public struct XLSXAlignment: Hashable, Sendable {
    public enum Horizontal: String, Sendable {
        case general, left, center, right, fill, justify, centerContinuous, distributed
    }

    public enum Vertical: String, Sendable {
        case top, center, bottom, justify, distributed
    }

    public var horizontal: Horizontal?
    public var vertical: Vertical?
    public var wrapText: Bool
    /// Indent level (each about three characters wide); 0 for none.
    public var indent: Int
    /// Degrees 0–90 counter-clockwise, 91–180 clockwise, 255 for vertical text; nil for none.
    public var textRotation: Int?

    public init(horizontal: Horizontal? = nil, vertical: Vertical? = nil, wrapText: Bool = false,
                indent: Int = 0, textRotation: Int? = nil) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.wrapText = wrapText
        self.indent = indent
        self.textRotation = textRotation
    }

    public var isDefault: Bool {
        horizontal == nil && vertical == nil && !wrapText && indent == 0 && textRotation == nil
    }
}
