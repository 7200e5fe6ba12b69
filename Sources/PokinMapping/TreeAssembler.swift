import PokinModel

/// Merges the entries of every stage into one tree.
///
/// Stages are read in method order (Tahap 1, 2, 3, 4, 5, cascading). Each entry is matched to
/// a node already built (normalised text, verb-prefix equivalence, typo distance, and the
/// stage's own order as a tie-break); an entry that matches nothing becomes a new node, placed by
/// the level ladder of its own stage. Each field is taken from the stage that owns it: structure
/// and `level` from Tahap 1–3, `performance` and indicators from Tahap 4, `planning` and
/// `position` from Tahap 5. Disagreements become diagnostics naming both cells.
struct TreeAssembler {
    struct Draft {
        var statement: String
        var level: Level?
        var levelStage: StageRole?
        var parent: Int?
        var performance: JenisKinerja?
        var performanceStage: StageRole?
        var planning: KomponenPerencanaan?
        var position: Jabatan?
        var indicators: [Indikator] = []
        var indicatorStage: StageRole?
        var partners: [String] = []
        var nomenclature: Nomenklatur?
        var stages = StageRecordList()
        var createdBy: StageRole
        var createdAt: String
        /// The parent each structure-bearing stage's own order gives (Tahap 3, 4, 5).
        var parentVotes: [ParentVote] = []
        /// The id a layout wrote for the node, and whether its parent was written explicitly.
        var explicitID: String?
        var explicitParent = false
        /// Ids (in `texts`) of every wording the node has: its statement and each stage's text.
        var wordings: [Int] = []
    }

    struct ParentVote {
        var stage: StageRole
        var parent: Int?
        var at: String
        var text: String
    }

    var drafts: [Draft] = []
    /// Every text compared, prepared once (matching is the import's hot path).
    let texts = MatchTextCache()
    /// Drafts by the matching form of each wording they have, for the exact-form fast path.
    /// (Indexed by the form id of `texts`.)
    private var byForm: [[Int]] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Minimum similarity for two texts to be the same node.
    static let matchThreshold = 0.75

    /// Adds one stage's entries (call in method order).
    mutating func add(stage role: StageRole, entries: [StageEntry]) {
        // Drafts this stage has matched or created, by index (a flag per draft).
        var matchedByThisStage: [Bool] = []
        // Last node seen at each depth in this stage's own sequence, for the ladder.
        var ladder: [Int?] = Array(repeating: nil, count: Level.allCases.count)
        var lastMatched: Int?

        // Each entry is passed straight from the array (a `for entry in entries` copy of an
        // entry retains every string and array it holds).
        for position in entries.indices {
            add(entries[position], role: role, matchedByThisStage: &matchedByThisStage, ladder: &ladder, lastMatched: &lastMatched)
        }
    }

    /// Matches or creates the node of one entry of a stage, and records its parent vote.
    private mutating func add(_ entry: StageEntry, role: StageRole, matchedByThisStage: inout [Bool], ladder: inout [Int?],
                              lastMatched: inout Int?) {
        let impliedLevel = entry.impliedLevel
        let index: Int
        let textID = texts.id(entry.text)
        if let found = match(entry, textID: textID, excluding: matchedByThisStage, after: lastMatched) {
            index = found
            merge(entry, textID: textID, into: index)
        } else {
            let parent = placeParent(for: entry, level: impliedLevel, ladder: ladder)
            index = create(entry, textID: textID, level: impliedLevel, parent: parent)
            if role != .tahap1 && role != .tahap2 && role != .tahap3 && hasStructureStages {
                note(.warning, "extra-node",
                     "\"\(StageReader.short(entry.text))\" appears on \(role.title) but matches no node of Tahap 1–3; kept as a new node",
                     entry.at)
            }
        }
        if matchedByThisStage.count <= index {
            matchedByThisStage += repeatElement(false, count: index + 1 - matchedByThisStage.count)
        }
        matchedByThisStage[index] = true
        lastMatched = index

        // What this stage's own order says the parent is: a vote, counted in finish().
        // Tahap 4 and 5 place a node by their own level words, Tahap 1–3 by the node's level.
        let stageLevel = role == .tahap4 || role == .tahap5 ? (impliedLevel ?? drafts[index].level) : (drafts[index].level ?? impliedLevel)
        if let level = stageLevel {
            let depth = level.depth
            if role == .tahap3 || role == .tahap4 || role == .tahap5 {
                let stageParent: Int?
                if role == .tahap3, level == .csf || (level.depth == Level.kondisiAntaraUtama.depth && entry.parentText != nil) {
                    stageParent = drafts[index].parent
                } else if role == .tahap3, entry.parentText != nil, drafts[index].createdBy == .tahap3 {
                    stageParent = drafts[index].parent
                } else {
                    stageParent = (0..<depth).reversed().lazy.compactMap { [ladder] in ladder[$0] }.first
                        ?? (level == .csf ? drafts.firstIndex { $0.level == .outcome && $0.parent == nil } : nil)
                }
                if level != .outcome {
                    // Room for one vote from each of Tahap 3, 4 and 5 at once.
                    if drafts[index].parentVotes.isEmpty { drafts[index].parentVotes.reserveCapacity(3) }
                    drafts[index].parentVotes.append(ParentVote(stage: role, parent: stageParent, at: entry.at, text: entry.text))
                }
            }
            ladder[depth] = index
            for deeper in (depth + 1)..<ladder.count { ladder[deeper] = nil }
        }
    }

    private var hasStructureStages: Bool {
        drafts.contains { [.tahap1, .tahap2, .tahap3].contains($0.createdBy) }
    }

    // MARK: Matching

    private func match(_ entry: StageEntry, textID: Int, excluding used: [Bool], after lastMatched: Int?) -> Int? {
        if let id = entry.id {
            // A written id decides: the same id is the same node, whatever the wording.
            return drafts.firstIndex { $0.explicitID == id }
        }
        let text = texts[id: textID]
        let isUsed = { (index: Int) in index < used.count && used[index] }
        let impliedLevel = entry.impliedLevel
        var best: (index: Int, score: Double)?
        func consider(_ index: Int) {
            // The best of the node's wordings: its statement and how each stage wrote it. A
            // wording only counts if it beats the wordings before it (and a node only if it can
            // beat the best node so far, whatever its tie-break bonus), so each score is asked at least
            // that much: below it, `score(_:_:atLeast:)` may stop early. (The margin keeps the
            // comparison below exact in floating point.) No score is above 1.
            let needed = max(TreeAssembler.matchThreshold, (best?.score ?? 0) - 0.03)
            var score = 0.0
            for wording in drafts[index].wordings {
                score = max(score, TextSimilarity.score(text, texts[id: wording], atLeast: max(needed, score)))
                if score >= 1 { break }
            }
            guard score >= TreeAssembler.matchThreshold else { return }
            // Tie-break by position: nodes after the last match in tree order read first.
            if let lastMatched, index > lastMatched { score += 0.01 }
            if let level = impliedLevel, let draftLevel = drafts[index].level, level == draftLevel { score += 0.01 }
            if best == nil || score > best!.score { best = (index, score) }
        }
        // Fast path: a node already worded the same way, up to case, spacing, verb and spelling.
        let form = texts.formID(ofText: textID)
        var foundExact = false
        if form < byForm.count {
            for index in byForm[form] where !isUsed(index) {
                foundExact = true
                consider(index)
            }
        }
        if !foundExact {
            for index in drafts.indices where !isUsed(index) { consider(index) }
        }
        return best?.index
    }

    /// Remembers a wording of a draft for the exact-form fast path.
    private mutating func remember(_ id: Int, for draft: Int) {
        if !drafts[draft].wordings.contains(id) { drafts[draft].wordings.append(id) }
        let form = texts.formID(ofText: id)
        if byForm.count <= form { byForm += repeatElement([], count: form + 1 - byForm.count) }
        if !byForm[form].contains(draft) { byForm[form].append(draft) }
    }

    // MARK: Building

    private func placeParent(for entry: StageEntry, level: Level?, ladder: [Int?]) -> Int? {
        if let parentID = entry.parentID, let parent = drafts.firstIndex(where: { $0.explicitID == parentID }) {
            return parent
        }
        if let parentText = entry.parentText {
            // The parent worded the same way (fast), else the most similar node.
            let csf: Int?
            let parentForm = texts.formID(ofText: texts.id(parentText))
            if parentForm < byForm.count, let exact = byForm[parentForm].first {
                csf = exact
            } else {
                let scores = drafts.indices.map { texts.score(parentText, drafts[$0].statement) }
                csf = scores.indices.max { scores[$0] < scores[$1] }.flatMap { scores[$0] >= TreeAssembler.matchThreshold ? $0 : nil }
            }
            if let csf {
                guard let level, level.depth > (drafts[csf].level?.depth ?? 1) + 1 else { return csf }
                // Deeper than a kondisi antara utama: the nearest shallower node of this stage under the same CSF.
                for depth in (0..<level.depth).reversed() {
                    if let candidate = ladder[depth], isDescendant(candidate, of: csf) || candidate == csf { return candidate }
                }
                return csf
            }
        }
        guard let level else { return ladder.compactMap { $0 }.last }
        if level == .outcome { return nil }
        for depth in (0..<level.depth).reversed() {
            if let candidate = ladder[depth] { return candidate }
        }
        // No shallower node in this stage's sequence: a CSF hangs under the first outcome.
        if level == .csf { return drafts.firstIndex { $0.level == .outcome && $0.parent == nil } }
        return nil
    }

    private func isDescendant(_ index: Int, of ancestor: Int) -> Bool {
        var current = drafts[index].parent
        var steps = 0
        while let node = current, steps < drafts.count {
            if node == ancestor { return true }
            current = drafts[node].parent
            steps += 1
        }
        return false
    }

    private mutating func create(_ entry: StageEntry, textID: Int, level: Level?, parent: Int?) -> Int {
        var draft = Draft(statement: entry.text, parent: parent, createdBy: entry.role, createdAt: entry.at)
        draft.level = level
        draft.levelStage = entry.level != nil ? entry.role : nil
        draft.explicitID = entry.id
        draft.explicitParent = entry.parentID != nil && parent != nil
        drafts.append(draft)
        remember(textID, for: drafts.count - 1)
        merge(entry, textID: textID, into: drafts.count - 1)
        return drafts.count - 1
    }

    private mutating func merge(_ entry: StageEntry, textID: Int, into index: Int) {
        // The draft is changed in place in the array (a copy would share, and so copy, its stage
        // records and arrays on the first change); its diagnostics go straight to `diagnostics`.
        let newWording = Self.merge(entry, into: &drafts[index], diagnostics: &diagnostics)
        if newWording { remember(textID, for: index) }
    }

    /// Merges the entry into the draft; true when the entry's stage had no wording for it yet.
    private static func merge(_ entry: StageEntry, into draft: inout Draft, diagnostics: inout [Diagnostic]) -> Bool {
        func note(_ severity: Severity, _ code: String, _ message: String, _ at: String?) {
            diagnostics.append(Diagnostic(code: code, severity: severity, message: message, at: at))
        }
        let role = entry.role
        let (slot, added) = draft.stages.index(adding: role)
        let takesIndicators = !entry.indicators.isEmpty || role == .tahap4 || role == .tahap5
        let newWording: Bool
        if added {
            // A record just added is empty: the entry fills it (as the general path below would).
            newWording = true
            draft.stages[at: slot] = StageRecord(text: entry.text, indicators: takesIndicators ? entry.indicators : nil,
                                                 levelLabel: entry.levelLabel, planningLabel: entry.planningLabel,
                                                 positionLabel: entry.positionLabel, at: entry.at)
        } else {
            newWording = draft.stages[at: slot].text == nil
            if newWording {
                draft.stages[at: slot].text = entry.text
                draft.stages[at: slot].at = entry.at
            }
            if takesIndicators {
                if draft.stages[at: slot].indicators == nil {
                    draft.stages[at: slot].indicators = entry.indicators
                } else {
                    draft.stages[at: slot].indicators!.append(contentsOf: entry.indicators)
                }
            }
            if draft.stages[at: slot].levelLabel == nil { draft.stages[at: slot].levelLabel = entry.levelLabel }
            if draft.stages[at: slot].planningLabel == nil { draft.stages[at: slot].planningLabel = entry.planningLabel }
            if draft.stages[at: slot].positionLabel == nil { draft.stages[at: slot].positionLabel = entry.positionLabel }
        }

        // Level: Tahap 1–3 own it.
        if let level = entry.level, [.tahap1, .tahap2, .tahap3].contains(role) {
            if let current = draft.level, let owner = draft.levelStage, current != level, [.tahap1, .tahap2, .tahap3].contains(owner) {
                note(.warning, "level-differs", "\(role.title) gives \"\(StageReader.short(entry.text))\" the level \(level.rawValue), \(owner.title) \(current.rawValue); keeping \(current.rawValue)", entry.at)
            } else {
                draft.level = level
                draft.levelStage = role
            }
        } else if let implied = entry.impliedLevel, let current = draft.level, implied != current, role == .tahap4 || role == .tahap5 {
            let said = (role == .tahap5 ? entry.planningLabel ?? entry.levelLabel : entry.levelLabel ?? entry.planningLabel) ?? ""
            note(.warning, "level-differs",
                 "\(role.title) classes \"\(StageReader.short(entry.text))\" as \"\(said)\" (\(implied.rawValue)), but Tahap 3 gives it the level \(current.rawValue)",
                 entry.at)
        }
        // Performance class: Tahap 4 owns it; Tahap 5 fills a gap.
        if let performance = entry.performance {
            if role == .tahap4 || draft.performance == nil {
                draft.performance = performance
                draft.performanceStage = role
            }
        }
        // Indicators: Tahap 4 owns them; other stages fill a gap.
        if !entry.indicators.isEmpty, draft.indicatorStage != .tahap4 {
            if role == .tahap4 || draft.indicators.isEmpty {
                draft.indicators = entry.indicators.enumerated().map { index, name in
                    Indikator(name: name,
                              unit: index < entry.indicatorUnits.count ? entry.indicatorUnits[index] : nil,
                              targets: index < entry.indicatorTargets.count ? entry.indicatorTargets[index] : [])
                }
                draft.indicatorStage = role
            }
        }
        // Planning component and job: Tahap 5 owns them.
        if let planning = entry.planning, role == .tahap5 || draft.planning == nil { draft.planning = planning }
        if let position = entry.position, role == .tahap5 || draft.position == nil { draft.position = position }
        for partner in entry.partners where !draft.partners.contains(partner) { draft.partners.append(partner) }
        if let nomenclature = entry.nomenclature, draft.nomenclature == nil { draft.nomenclature = nomenclature }
        return newWording
    }

    /// Each node's parent is the one most of Tahap 3, 4 and 5 give it (by their own row order and
    /// level words); Tahap 3 breaks a tie. Stages outvoted get a `parent-differs` warning.
    private mutating func settleParents() {
        for index in drafts.indices {
            let votes = drafts[index].parentVotes
            // A parent written as an id is not outvoted by row order.
            guard !votes.isEmpty, !drafts[index].explicitParent else { continue }
            // Each parent voted for, with its votes, in the order first voted for (a node has a
            // vote or two per stage: a list, not a dictionary). A tie not settled by Tahap 3 goes
            // to the parent voted for first.
            var counts: [(parent: Int?, votes: Int)] = []
            for vote in votes {
                if let slot = counts.firstIndex(where: { $0.parent == vote.parent }) {
                    counts[slot].votes += 1
                } else {
                    counts.append((vote.parent, 1))
                }
            }
            let tahap3 = votes.first { $0.stage == .tahap3 }?.parent
            let best = counts.max { a, b in
                a.votes != b.votes ? a.votes < b.votes : (b.parent == tahap3 && a.parent != tahap3)
            }!.parent
            if let best, best == index || isDescendant(best, of: index) { continue }  // never make a cycle
            drafts[index].parent = best
            for vote in votes where vote.parent != best {
                let said = vote.parent.map { "\"\(StageReader.short(drafts[$0].statement))\"" } ?? "no parent (a root)"
                let kept = best.map { "\"\(StageReader.short(drafts[$0].statement))\"" } ?? "no parent"
                let others = votes.filter { $0.parent == best }.map(\.stage.title).joined(separator: ", ")
                note(.warning, "parent-differs",
                     "by its rows, \(vote.stage.title) puts \"\(StageReader.short(vote.text))\" under \(said); \(others.isEmpty ? "the other stages" : others) put it under \(kept), which the model keeps",
                     vote.at)
            }
        }
    }

    /// Records how the cascading view shows a node: its wording, indicators and labels there,
    /// and the nomenclature when no other stage named one. Nothing else is taken from it.
    mutating func mergeMatrixEntry(_ entry: StageEntry, into index: Int) {
        var record = drafts[index].stages[entry.role] ?? StageRecord()
        record.text = entry.text
        record.at = entry.at
        if !entry.indicators.isEmpty { record.indicators = entry.indicators }
        record.planningLabel = entry.planningLabel
        record.positionLabel = entry.positionLabel
        drafts[index].stages[entry.role] = record
        if drafts[index].nomenclature == nil, let nomenclature = entry.nomenclature { drafts[index].nomenclature = nomenclature }
        // The cascading wording replaces an earlier one of the same view: the node's wordings are
        // its statement and its stages' current texts.
        var wordings = [texts.id(drafts[index].statement)]
        for stage in drafts[index].stages.records {
            if let text = stage.text, !wordings.contains(texts.id(text)) { wordings.append(texts.id(text)) }
        }
        drafts[index].wordings = wordings
    }

    private mutating func note(_ severity: Severity, _ code: String, _ message: String, _ at: String?) {
        diagnostics.append(Diagnostic(code: code, severity: severity, message: message, at: at))
    }

    // MARK: Finishing

    /// The finished tree: ids by outline position ("1", "1.2", "1.2.1"), parents first, siblings
    /// in sheet order; levels not stated anywhere follow from depth, with an `info` diagnostic.
    mutating func finish() -> [Kinerja] {
        settleParents()
        // The children of each node, in draft order; the roots at the end (`drafts.count`).
        var children = [[Int]](repeating: [], count: drafts.count + 1)
        for index in drafts.indices { children[drafts[index].parent ?? drafts.count].append(index) }
        var result: [Kinerja] = []
        // Ids the layout wrote are kept when every node has one and they are unique; otherwise
        // every node gets its outline number.
        let written = drafts.compactMap(\.explicitID)
        let keepWritten = written.count == drafts.count && Set(written).count == written.count
        func visit(_ index: Int, id outlineID: String, parentID: String?, depth: Int) {
            let draft = drafts[index]
            let id = keepWritten ? draft.explicitID! : outlineID
            var level = draft.level
            if level == nil {
                level = Level.allCases[min(depth, Level.allCases.count - 1)]
                note(.info, "level-from-depth",
                     "no stage states the level of \"\(StageReader.short(draft.statement))\"; it follows from its depth: \(level!.rawValue)",
                     draft.createdAt)
            }
            result.append(Kinerja(
                id: id, parent: parentID, statement: draft.statement, level: level!,
                performance: draft.performance, planning: draft.planning, position: draft.position,
                indicators: draft.indicators,
                crosscutting: draft.partners.map { Crosscutting(partner: $0) },
                nomenclature: draft.nomenclature, stages: draft.stages.dictionary))
            for (offset, child) in children[index].enumerated() {
                visit(child, id: "\(outlineID).\(offset + 1)", parentID: id, depth: depth + 1)
            }
        }
        for (offset, root) in children[drafts.count].enumerated() {
            visit(root, id: "\(offset + 1)", parentID: nil, depth: drafts[root].level?.depth ?? 0)
        }
        return result
    }
}
