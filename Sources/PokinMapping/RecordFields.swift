/// The mapped fields of one `SheetRecord` by name: used like a `[String: SheetRecord.Field]`,
/// stored as an array in the order of names shared by all records of one sheet.
///
/// A sheet's records all have the same field names (the mapping's columns), so the names and
/// their places are worked out once per sheet (`RecordFieldNames`) and a record holds only its
/// values: no hash table per row, and a reader that resolves a name once (`RecordFieldNames.key`)
/// reaches the field without hashing it again. A name outside the shared ones can still be set;
/// it is kept aside.
public struct RecordFields: Sequence, ExpressibleByDictionaryLiteral {
    public typealias Field = SheetRecord.Field

    public private(set) var names: RecordFieldNames
    private var values: [Field?]
    /// Fields whose names are not among `names`.
    private var others: [String: Field] = [:]

    init(names: RecordFieldNames, values: [Field?]) {
        precondition(names.names.count == values.count, "one value per name")
        self.names = names
        self.values = values
    }

    /// Fields given by name (any names).
    public init(_ fields: [String: Field]) {
        let names = RecordFieldNames(fields.keys.sorted())
        self.init(names: names, values: names.names.map { fields[$0] })
    }

    public init(dictionaryLiteral elements: (String, Field)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public subscript(_ name: String) -> Field? {
        get {
            if let place = names.place(of: name) { return values[place] }
            return others.isEmpty ? nil : others[name]
        }
        set {
            if let place = names.place(of: name) { values[place] = newValue } else { others[name] = newValue }
        }
    }

    /// The field a key resolved against these records' names points at.
    public subscript(_ key: RecordFieldNames.Key) -> Field? {
        get {
            guard key.names === names else { return self[key.name] }
            if let place = key.place { return values[place] }
            return others.isEmpty ? nil : others[key.name]
        }
        set {
            if key.names === names, let place = key.place { values[place] = newValue } else { self[key.name] = newValue }
        }
    }

    /// Whether no field is present.
    public var isEmpty: Bool { others.isEmpty && !values.contains { $0 != nil } }
    /// How many fields are present.
    public var count: Int { others.count + values.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// The present fields as (name, field) pairs: the shared names in order, then the others.
    public func makeIterator() -> AnyIterator<(key: String, value: Field)> {
        var place = 0
        var rest = others.makeIterator()
        return AnyIterator {
            while place < values.count {
                defer { place += 1 }
                if let value = values[place] { return (names.names[place], value) }
            }
            return rest.next().map { ($0.key, $0.value) }
        }
    }
}
