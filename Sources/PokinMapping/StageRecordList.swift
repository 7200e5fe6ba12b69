import PokinModel

/// A node's stage records while the tree is assembled: the roles and their records in the order
/// the stages came, found by a linear search over the roles. A node has at most one record per
/// stage (seven roles), and merging changes a record on every entry: a `[StageRole: StageRecord]`
/// hashed the role's raw string twice per entry. The model's dictionary is made once, in
/// `dictionary`. (Roles and records are kept apart so that searching copies no record.)
struct StageRecordList {
    private var roles: [StageRole] = []
    private var storage: [StageRecord] = []

    subscript(_ role: StageRole) -> StageRecord? {
        get { roles.firstIndex(of: role).map { storage[$0] } }
        set {
            let index = roles.firstIndex(of: role)
            switch (index, newValue) {
            case let (index?, record?): storage[index] = record
            case let (index?, nil):
                roles.remove(at: index)
                storage.remove(at: index)
            case let (nil, record?):
                roles.append(role)
                storage.append(record)
            case (nil, nil): break
            }
        }
    }

    /// The position of the record of `role`, adding an empty record when there is none (for
    /// changing it in place through `subscript(at:)`); `added` says which.
    mutating func index(adding role: StageRole) -> (index: Int, added: Bool) {
        if let index = roles.firstIndex(of: role) { return (index, false) }
        // Room for the usual three stages (3–5) at once, instead of growing on each.
        if roles.isEmpty {
            roles.reserveCapacity(4)
            storage.reserveCapacity(4)
        }
        roles.append(role)
        storage.append(StageRecord())
        return (storage.count - 1, true)
    }

    /// The record at a position, read and changed in place (a plain getter would copy the whole
    /// record to read one field).
    subscript(at index: Int) -> StageRecord {
        _read { yield storage[index] }
        _modify { yield &storage[index] }
    }

    /// The records, in the order their stages were first merged.
    var records: [StageRecord] { storage }

    var dictionary: [StageRole: StageRecord] {
        var dictionary = [StageRole: StageRecord](minimumCapacity: roles.count)
        for (role, record) in zip(roles, storage) { dictionary[role] = record }
        return dictionary
    }
}
