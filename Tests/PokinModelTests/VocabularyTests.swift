import PokinModel
import Testing

@Suite("Canonical vocabularies")
struct VocabularyTests {
    @Test("A stage role's order is its place in allCases, and sorting roles follows it")
    func stageRoleOrder() {
        for (place, role) in StageRole.allCases.enumerated() {
            #expect(role.order == place)
        }
        #expect(StageRole.allCases.reversed().sorted() == StageRole.allCases)
    }

    @Test("A level's depth is its place in the ladder, outcome 0 to kondisi operasional 4")
    func levelDepth() {
        for (place, level) in Level.allCases.enumerated() {
            #expect(level.depth == place)
        }
    }

    @Test("Roles and levels hash apart: a set keeps every case once, and lookups find each")
    func hashing() {
        let roles = Set(StageRole.allCases + StageRole.allCases)
        #expect(roles.count == StageRole.allCases.count)
        let levels = Set(Level.allCases + Level.allCases)
        #expect(levels.count == Level.allCases.count)
        var byRole: [StageRole: String] = [:]
        for role in StageRole.allCases { byRole[role] = role.rawValue }
        for role in StageRole.allCases { #expect(byRole[role] == role.rawValue) }
    }
}
