import Foundation
import PokinCore
import PokinModel
import PokinTestSupport
import Testing

@Suite("Canonical JSON: deterministic writing and lossless reading")
struct CanonicalJSONTests {
    @Test("writing the same model twice gives the same bytes, and reading them back gives the same model")
    func roundTrip() throws {
        let model = SampleTrees.small
        let first = model.canonicalJSON()
        #expect(first == SampleTrees.small.canonicalJSON())
        let decoded = try PohonKinerja.decode(Array(first.utf8))
        #expect(decoded == model)
        #expect(decoded.canonicalJSON() == first)
    }

    @Test("fields come in the contract's order: pokin, agency, nodes, diagnostics; id, parent, statement, level, …")
    func contractOrder() throws {
        let value = try JSONParser.parse(SampleTrees.small.canonicalJSON())
        #expect(value.objectMembers?.map(\.0) == ["pokin", "agency", "nodes", "diagnostics"])
        let node = try #require(value["nodes"]?.arrayValue?.first)
        #expect(node.objectMembers?.map(\.0).prefix(9) == ["id", "parent", "statement", "level", "performance", "planning", "position", "indicators", "crosscutting"])
        #expect(value["pokin"] == .number(1))
        // Values the source did not give are null, not absent.
        let crosscuttingCSF = try #require(value["nodes"]?.arrayValue?.last)
        #expect(crosscuttingCSF["performance"] == .null)
        #expect(crosscuttingCSF["position"] == .null)
    }

    @Test("members other tools add are kept and written back after the known ones")
    func extensionsSurvive() throws {
        let text = """
            {"pokin": 1, "agency": {"name": null, "shortName": "X", "kode": "1.02"},
             "nodes": [{"id": "a", "parent": null, "statement": "S", "level": "outcome", "performance": null,
                        "planning": null, "position": null, "indicators": [{"name": "I", "bobot": 3}],
                        "crosscutting": [], "catatan": {"reviewer": "ok"}}],
             "diagnostics": [], "period": {"from": 2025, "to": 2029}}
            """
        let model = try PohonKinerja.decode(Array(text.utf8))
        #expect(model.extensions.map(\.key) == ["period"])
        #expect(model.agency.extensions.map(\.key) == ["kode"])
        #expect(model.nodes[0].extensions.map(\.key) == ["catatan"])
        #expect(model.nodes[0].indicators[0].extensions.map(\.key) == ["bobot"])
        let again = try PohonKinerja.decode(Array(model.canonicalJSON().utf8))
        #expect(again == model)
    }

    @Test("text with quotes, non-breaking spaces, tabs and emoji survives byte for byte")
    func awkwardText() throws {
        let model = SampleTrees.small
        let decoded = try PohonKinerja.decode(Array(model.canonicalJSON().utf8))
        #expect(decoded.nodes[4].statement == "Terlaksananya Pendampingan\u{00A0}Akreditasi  \"Puskesmas\"")
        #expect(decoded.nodes[4].indicators[1].name == "Persentase 😀 Puskesmas\tDidampingi")
    }

    @Test("what the model writes is valid against Schema/pokin-1.schema.json (checked by Python's jsonschema)",
          .enabled(if: SchemaValidator.enabled))
    func writtenJSONIsSchemaValid() throws {
        #expect(try SchemaValidator.problems(in: SampleTrees.small.canonicalJSON()) == [])
        #expect(try SchemaValidator.problems(in: PohonKinerja().canonicalJSON()) == [])
    }
}
