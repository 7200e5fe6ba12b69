extension StageReader {
    /// The fields a stage reader looks at, each resolved once against the names of the sheet's
    /// records, so that reading a field of a row needs no hashing of its name.
    struct FieldKeys {
        let statement, indicator, stage, level, performance, planning, position: RecordFieldNames.Key
        let unit, id, parentID, parent: RecordFieldNames.Key
        let nomenclature, nomenclatureCode, nomenclatureStatement, nomenclatureIndicator: RecordFieldNames.Key
        /// The mapping's `crosscutting.in` fields, in order.
        let crosscuttingIn: [RecordFieldNames.Key]

        /// Keys resolved against `names`, or plain names when there are none.
        init(names: RecordFieldNames?, crosscuttingIn: [String]) {
            func key(_ name: String) -> RecordFieldNames.Key { names?.key(name) ?? RecordFieldNames.Key(name) }
            statement = key("statement")
            indicator = key("indicator")
            stage = key("stage")
            level = key("level")
            performance = key("performance")
            planning = key("planning")
            position = key("position")
            unit = key("unit")
            id = key("id")
            parentID = key("parent-id")
            parent = key("parent")
            nomenclature = key("nomenclature")
            nomenclatureCode = key("nomenclature-code")
            nomenclatureStatement = key("nomenclature-statement")
            nomenclatureIndicator = key("nomenclature-indicator")
            self.crosscuttingIn = crosscuttingIn.map(key)
        }
    }
}
