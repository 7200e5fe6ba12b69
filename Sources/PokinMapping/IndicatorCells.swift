import PokinModel

/// Adds the indicators written on one row (an indicator cell, its unit and targets) to a stage
/// entry: several indicators in one cell pair with the lines of the unit and target cells.
/// An indicator already on the entry is not added twice (a repeated parent row), but gains the
/// unit and the years it did not have.
struct IndicatorCells {
    var names: [String]
    var unit: String?
    var targets: [(year: Int, text: String, withUnit: Bool)]

    func add(to entry: inout StageEntry) {
        let count = names.count
        guard count > 0 else { return }
        func lines(_ text: String) -> [String] {
            let parts = text.split(whereSeparator: \.isNewline).map { TableExtractor.clean(String($0)) }.filter { !$0.isEmpty }
            return parts.count == count ? parts : [text] + Array(repeating: "", count: count - 1)
        }
        func value(_ text: String) -> String? { text.isEmpty || text == "-" || text == "—" || text == "–" ? nil : text }
        let units = unit.map(lines) ?? Array(repeating: "", count: count)
        let targetLines = targets.map { (year: $0.year, lines: lines($0.text), withUnit: $0.withUnit) }
        while entry.indicatorUnits.count < entry.indicators.count { entry.indicatorUnits.append(nil) }
        while entry.indicatorTargets.count < entry.indicators.count { entry.indicatorTargets.append([]) }
        for (offset, name) in names.enumerated() {
            var unitText = value(units[offset])
            var yearTargets: [Indikator.Target] = []
            for target in targetLines {
                guard let text = value(target.lines[offset]) else { continue }
                if target.withUnit {
                    let (number, written) = TargetText.split(text)
                    yearTargets.append(Indikator.Target(year: target.year, value: number))
                    if unitText == nil { unitText = written }
                } else {
                    yearTargets.append(Indikator.Target(year: target.year, value: text))
                }
            }
            if let index = entry.indicators.firstIndex(of: name) {
                if entry.indicatorUnits[index] == nil { entry.indicatorUnits[index] = unitText }
                for target in yearTargets where !entry.indicatorTargets[index].contains(where: { $0.year == target.year }) {
                    entry.indicatorTargets[index].append(target)
                }
            } else {
                entry.indicators.append(name)
                entry.indicatorUnits.append(unitText)
                entry.indicatorTargets.append(yearTargets)
            }
        }
    }
}
