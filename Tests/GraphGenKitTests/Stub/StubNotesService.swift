import Foundation
import XCTest
@testable import GraphGenKit

/// A small service for the stub's protocol tests: a collection with delta, upload sessions and server-set times.
enum StubNotesService {
    static let schema = """
    namespace: example.notes
    module: Notes
    apiVersion: v1.0
    baseURL: https://notes.example.com
    root:
      - { name: notes, type: note, collection: true, operations: [list, get, create, update, delete] }
    entities:
      - name: note
        properties:
          - { name: id, type: String, readOnly: true }
          - { name: title, type: String }
          - { name: size, type: Int64, readOnly: true }
          - { name: createdDateTime, type: DateTimeOffset, readOnly: true }
          - { name: lastModifiedDateTime, type: DateTimeOffset, readOnly: true }
        actions:
          - { name: createUploadSession, returns: uploadSession }
          - { name: delta, kind: function, bound: collection, returns: Collection(note) }
    complexTypes:
      - name: uploadSession
        properties:
          - { name: uploadUrl, type: String }
          - { name: expirationDateTime, type: DateTimeOffset }
          - { name: nextExpectedRanges, type: Collection(String) }
    """

    /// A clock the tests move by hand.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var time = Date(timeIntervalSince1970: 1_800_000_000.25)
        var now: Date { lock.withLock { time } }
        func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
    }

    static func service(clock: Clock = Clock(), _ configure: (inout StubOptions) -> Void = { _ in }) throws -> StubService {
        var options = StubOptions()
        options.seedExamples = false
        configure(&options)
        let model = ModelBuilder.build(schema: try SchemaDecoder.decode(schema, file: "notes.yaml"), pages: [])
        XCTAssertTrue(model.diagnostics.filter { $0.severity == .error }.isEmpty, "\(model.diagnostics)")
        return StubService(model: model, options: options, clock: { clock.now })
    }

    struct Answer {
        var status: Int
        var json: [String: Any]
        var response: StubResponse
        func header(_ name: String) -> String? { response.headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    static func send(_ stub: StubService, _ method: String, _ target: String, _ body: [UInt8] = [], headers: [String: String] = [:]) -> Answer {
        var all = ["host": "127.0.0.1:9", "authorization": "Bearer t"]
        all.merge(headers) { $1 }
        let response = stub.handle(StubRequest(method: method, target: target, headers: all.filter { !$0.value.isEmpty }, body: body))
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return Answer(status: response.status, json: json, response: response)
    }

    static func send(_ stub: StubService, _ method: String, _ target: String, _ body: String, headers: [String: String] = [:]) -> Answer {
        send(stub, method, target, Array(body.utf8), headers: headers)
    }

    /// The path and query of an absolute link the stub gave.
    static func local(_ link: String) -> String { String(link.dropFirst("http://127.0.0.1:9".count)) }
}
