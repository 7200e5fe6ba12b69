/// One row's non-blank cell texts (edges trimmed) by column, in ascending column order with each
/// column once: a view into the texts of the `Grid` it came from.
///
/// A grid keeps all its rows' texts in two flat arrays, so a row costs no table of its own (a
/// dictionary per row used to be most of the cost of making a grid), and a record holding its
/// row's texts holds one reference. Rows are short (a tree sheet has a few dozen columns), so a
/// column is found by a short scan or a binary search.
public struct RowTexts: Equatable, ExpressibleByDictionaryLiteral {
    /// The texts of every row of a grid, row after row.
    final class Storage: Sendable {
        let columns: [Int]
        let texts: [String]

        init(columns: [Int], texts: [String]) {
            self.columns = columns
            self.texts = texts
        }

        static let empty = Storage(columns: [], texts: [])
    }

    private let storage: Storage
    private let start: Int
    private let end: Int

    init(_ storage: Storage, _ range: Range<Int>) {
        self.storage = storage
        start = range.lowerBound
        end = range.upperBound
    }

    /// No texts.
    public init() {
        self.init(.empty, 0..<0)
    }

    /// The texts given by column (any order; a column given twice keeps its last text).
    public init(_ texts: [Int: String]) {
        let columns = texts.keys.sorted()
        self.init(Storage(columns: columns, texts: columns.map { texts[$0]! }), 0..<columns.count)
    }

    public init(dictionaryLiteral elements: (Int, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }

    /// The text in `column`, nil when that cell is blank.
    public subscript(_ column: Int) -> String? {
        storage.columns.withUnsafeBufferPointer { columns -> String? in
            var low = start
            var high = end
            // Binary search down to a few columns (every column before `low` is smaller), then
            // a scan up to the first column not smaller.
            while high - low > 8 {
                let middle = (low + high) / 2
                if columns[middle] < column { low = middle + 1 } else { high = middle }
            }
            while low < end {
                if columns[low] == column { return storage.texts[low] }
                if columns[low] > column { return nil }
                low += 1
            }
            return nil
        }
    }

    /// The smallest column with text.
    public var firstColumn: Int? { isEmpty ? nil : storage.columns[start] }

    /// The columns with text, ascending.
    public var columns: ArraySlice<Int> { storage.columns[start..<end] }
    /// The texts, in column order.
    public var texts: ArraySlice<String> { storage.texts[start..<end] }
    /// (column, text) pairs in column order.
    public var pairs: Zip2Sequence<ArraySlice<Int>, ArraySlice<String>> { zip(columns, texts) }

    /// The same texts as a dictionary by column.
    public var dictionary: [Int: String] {
        Dictionary(uniqueKeysWithValues: pairs.map { ($0, $1) })
    }

    public static func == (left: RowTexts, right: RowTexts) -> Bool {
        left.columns.elementsEqual(right.columns) && left.texts.elementsEqual(right.texts)
    }
}
