/// The field names of a sheet's records, each with its place in every record's `RecordFields`;
/// made once per sheet and shared by its records.
public final class RecordFieldNames {
    public let names: [String]
    private let places: [String: Int]

    public init(_ names: [String]) {
        var places: [String: Int] = [:]
        for (place, name) in names.enumerated() where places[name] == nil { places[name] = place }
        precondition(places.count == names.count, "field names are distinct")
        self.names = names
        self.places = places
    }

    func place(of name: String) -> Int? { places[name] }

    /// A name resolved once against these names.
    public func key(_ name: String) -> Key { Key(name: name, names: self, place: places[name]) }

    /// A field name with its place among the names of one sheet's records, so that looking a
    /// field up in those records needs no hashing; with other records it falls back to the name.
    public struct Key {
        public let name: String
        let names: RecordFieldNames?
        let place: Int?

        /// A key resolved against no names: looks the field up by name.
        public init(_ name: String) {
            self.init(name: name, names: nil, place: nil)
        }

        init(name: String, names: RecordFieldNames?, place: Int?) {
            self.name = name
            self.names = names
            self.place = place
        }
    }
}
