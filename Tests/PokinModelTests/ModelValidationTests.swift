import Foundation
import PokinCore
import PokinModel
import PokinTestSupport
import Testing

/// Documents that must be rejected, each with the error code pokin gives, text its message must
/// contain (the node it names), and whether JSON Schema alone can see the problem.
struct InvalidDocument: CustomTestStringConvertible, Sendable {
    var name: String
    var json: String
    var code: PokinError.Code
    var messageNames: String
    var schemaSeesIt: Bool
    var testDescription: String { name }
}

private func document(_ nodes: String) -> String {
    #"{"pokin": 1, "agency": {"name": "Dinas", "shortName": null}, "nodes": [\#(nodes)], "diagnostics": []}"#
}

private func node(_ id: String, parent: String? = nil, level: String = "csf", extra: String = "") -> String {
    let parentJSON = parent.map { "\"\($0)\"" } ?? "null"
    return #"{"id": "\#(id)", "parent": \#(parentJSON), "statement": "Kondisi \#(id)", "level": "\#(level)", "performance": null, "planning": null, "position": null, "indicators": [], "crosscutting": []\#(extra)}"#
}

let invalidDocuments: [InvalidDocument] = [
    InvalidDocument(name: "wrong level word", json: document(node("r", level: "outcome") + "," + node("k7", parent: "r", level: "kondisi")),
                    code: .invalidEnumValue, messageNames: "node \"k7\"", schemaSeesIt: true),
    InvalidDocument(name: "wrong planning word",
                    json: document(#"{"id": "p1", "parent": null, "statement": "S", "level": "outcome", "performance": null, "planning": "sasaran", "position": null, "indicators": [], "crosscutting": []}"#),
                    code: .invalidEnumValue, messageNames: "node \"p1\"", schemaSeesIt: true),
    InvalidDocument(name: "dangling parent", json: document(node("r", level: "outcome") + "," + node("c1", parent: "nowhere")),
                    code: .danglingParent, messageNames: "node \"c1\"", schemaSeesIt: false),
    InvalidDocument(name: "cycle of two", json: document(node("a", parent: "b") + "," + node("b", parent: "a")),
                    code: .parentCycle, messageNames: "node \"a\"", schemaSeesIt: false),
    InvalidDocument(name: "own parent", json: document(node("self", parent: "self")),
                    code: .parentCycle, messageNames: "node \"self\"", schemaSeesIt: false),
    InvalidDocument(name: "duplicate id", json: document(node("r", level: "outcome") + "," + node("x", parent: "r") + "," + node("x", parent: "r")),
                    code: .duplicateID, messageNames: "node \"x\"", schemaSeesIt: false),
    InvalidDocument(name: "child listed before its parent", json: document(node("c", parent: "r") + "," + node("r", level: "outcome")),
                    code: .parentAfterChild, messageNames: "node \"c\"", schemaSeesIt: false),
    InvalidDocument(name: "missing level member",
                    json: document(#"{"id": "m1", "parent": null, "statement": "S", "performance": null, "planning": null, "position": null, "indicators": [], "crosscutting": []}"#),
                    code: .invalidModel, messageNames: "node \"m1\"", schemaSeesIt: true),
    InvalidDocument(name: "empty statement", json: document(#"{"id": "e1", "parent": null, "statement": "  ", "level": "outcome", "performance": null, "planning": null, "position": null, "indicators": [], "crosscutting": []}"#),
                    code: .invalidModel, messageNames: "node \"e1\"", schemaSeesIt: true),
    InvalidDocument(name: "crosscutting without partner", json: document(node("x1", extra: #", "crosscutting": [{"partner": ""}]"#).replacingOccurrences(of: #""crosscutting": [], "#, with: "")),
                    code: .invalidModel, messageNames: "node \"x1\"", schemaSeesIt: true),
    InvalidDocument(name: "unknown stage", json: document(node("s1", level: "outcome", extra: #", "stages": {"tahap-9": {"text": "x"}}"#)),
                    code: .invalidEnumValue, messageNames: "node \"s1\"", schemaSeesIt: true),
    InvalidDocument(name: "version 2", json: #"{"pokin": 2, "agency": {"name": null, "shortName": null}, "nodes": [], "diagnostics": []}"#,
                    code: .unsupportedVersion, messageNames: "pokin", schemaSeesIt: true),
    InvalidDocument(name: "diagnostic severity outside the enumeration",
                    json: #"{"pokin": 1, "agency": {"name": null, "shortName": null}, "nodes": [], "diagnostics": [{"code": "x", "severity": "fatal", "message": "m", "at": null}]}"#,
                    code: .invalidEnumValue, messageNames: "diagnostics[0].severity", schemaSeesIt: true),
]

@Suite("Invalid documents are rejected with an error naming the node")
struct ModelValidationTests {
    @Test("pokin refuses the document with a stable code and names the node", arguments: invalidDocuments)
    func rejected(_ invalid: InvalidDocument) {
        do {
            _ = try PohonKinerja.decode(Array(invalid.json.utf8), file: "bad.json")
            Issue.record("\(invalid.name) was accepted")
        } catch let error as PokinError {
            #expect(error.code == invalid.code)
            #expect(error.message.contains(invalid.messageNames), "message: \(error.message)")
            #expect(error.location?.file == "bad.json")
            #expect(error.exitStatus == 1)
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test("JSON Schema rejects what a schema can express (enumerations, required members)",
          .enabled(if: SchemaValidator.enabled), arguments: invalidDocuments.filter(\.schemaSeesIt))
    func schemaRejects(_ invalid: InvalidDocument) throws {
        #expect(try !SchemaValidator.problems(in: invalid.json).isEmpty, "schema accepted \(invalid.name)")
    }

    @Test("every problem in a document is listed, not just the first")
    func listsEveryProblem() throws {
        let json = document(node("r", level: "outcome") + "," + node("a", parent: "zz") + "," + node("b", parent: "yy"))
        #expect { try PohonKinerja.decode(Array(json.utf8)) } throws: { error in
            guard let error = error as? PokinError else { return false }
            return error.message.contains("node \"a\"") && error.message.contains("node \"b\"") && error.message.contains("2 problems")
        }
    }

    @Test("a sound tree has no problems")
    func soundTree() {
        #expect(SampleTrees.small.validate().isEmpty)
    }

    @Test("a tree edited into a cycle in code is caught by validate()")
    func cycleInCode() {
        var model = SampleTrees.small
        model.nodes[0].parent = "1.1.1.1.1"
        let problems = model.validate()
        #expect(problems.contains { $0.code == .parentCycle })
    }
}
