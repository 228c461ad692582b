import Foundation
import XCTest
@testable import GraphGenKit

/// The stub's OData behaviour on the seed model, without a server.
final class StubServiceTests: XCTestCase {
    static let statuses = "/beta/deviceAppManagement/mobileApps/app%2F1/deviceStatuses"

    func service(_ configure: (inout StubOptions) -> Void = { _ in }) throws -> StubService {
        var options = StubOptions()
        options.seedExamples = false
        configure(&options)
        let model = try ModelLoader.load(schemaPath: TestPaths.schema, pagePaths: [TestPaths.seedPages])
        return StubService(model: model, options: options)
    }

    func send(_ stub: StubService, _ method: String, _ target: String, _ body: String = "", authorization: String? = "Bearer t") -> (status: Int, json: [String: Any], response: StubResponse) {
        var headers = ["host": "127.0.0.1:9"]
        if let authorization { headers["authorization"] = authorization }
        let response = stub.handle(StubRequest(method: method, target: target, headers: headers, body: Array(body.utf8)))
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return (response.status, json, response)
    }

    func message(_ json: [String: Any]) -> String { ((json["error"] as? [String: Any])?["message"] as? String) ?? "" }

    func testCreateGetListPatchDelete() throws {
        let stub = try service()
        let created = send(stub, "POST", Self.statuses, #"{"deviceName": "laptop", "installState": "installed", "errorCode": 0, "lastSyncDateTime": "2024-01-02T03:04:05Z"}"#)
        XCTAssertEqual(created.status, 201, "\(created.json)")
        let id = try XCTUnwrap(created.json["id"] as? String)
        XCTAssertEqual(created.json["@odata.context"] as? String, "https://graph.microsoft.com/beta/$metadata#deviceAppManagement/mobileApps/app/1/deviceStatuses/$entity")
        XCTAssertEqual(send(stub, "GET", "\(Self.statuses)/\(id)").json["deviceName"] as? String, "laptop")
        XCTAssertEqual(send(stub, "GET", "/beta/deviceAppManagement/mobileApps/other/deviceStatuses/\(id)").status, 404, "items live in their own collection")

        let patched = send(stub, "PATCH", "\(Self.statuses)/\(id)", #"{"deviceName": null, "errorCode": 7}"#)
        XCTAssertEqual(patched.status, 200, "\(patched.json)")
        let got = send(stub, "GET", "\(Self.statuses)/\(id)").json
        XCTAssertTrue(got["deviceName"] is NSNull, "null clears")
        XCTAssertEqual(got["errorCode"] as? Int, 7)
        XCTAssertEqual(got["installState"] as? String, "installed", "absent keeps")

        XCTAssertEqual(send(stub, "DELETE", "\(Self.statuses)/\(id)").status, 204)
        XCTAssertEqual(send(stub, "GET", "\(Self.statuses)/\(id)").status, 404)
        XCTAssertEqual(send(stub, "DELETE", "\(Self.statuses)/\(id)").status, 404)
    }

    func testListPagingCountSelectAndFilter() throws {
        let stub = try service { $0.pageSize = 2 }
        for (index, state) in ["installed", "failed", "installed", "notInstalled", "installed"].enumerated() {
            XCTAssertEqual(send(stub, "POST", Self.statuses, #"{"deviceName": "d\#(index)", "installState": "\#(state)", "errorCode": \#(index)}"#).status, 201)
        }
        let first = send(stub, "GET", "\(Self.statuses)?$count=true")
        XCTAssertEqual(first.json["@odata.count"] as? Int, 5)
        XCTAssertEqual((first.json["value"] as? [Any])?.count, 2)
        let next = try XCTUnwrap(first.json["@odata.nextLink"] as? String)
        XCTAssertEqual(next, "http://127.0.0.1:9\(Self.statuses)?$count=true&$skip=2")
        let second = send(stub, "GET", String(next.dropFirst("http://127.0.0.1:9".count)))
        XCTAssertEqual(((second.json["value"] as? [[String: Any]]) ?? []).map { $0["deviceName"] as? String }, ["d2", "d3"])
        let last = send(stub, "GET", "\(Self.statuses)?$skip=4")
        XCTAssertNil(last.json["@odata.nextLink"])

        let filtered = send(stub, "GET", "\(Self.statuses)?$filter=installState%20eq%20'installed'%20and%20errorCode%20ne%200&$select=deviceName")
        XCTAssertEqual(((filtered.json["value"] as? [[String: Any]]) ?? []).map { $0.keys.sorted() }, [["deviceName"], ["deviceName"]])
        XCTAssertEqual(((filtered.json["value"] as? [[String: Any]]) ?? []).map { $0["deviceName"] as? String }, ["d2", "d4"])
        let either = send(stub, "GET", "\(Self.statuses)?$filter=(errorCode%20eq%201%20or%20errorCode%20eq%203)&$orderby=errorCode%20desc")
        XCTAssertEqual(((either.json["value"] as? [[String: Any]]) ?? []).map { $0["errorCode"] as? Int }, [3, 1])
        let top = send(stub, "GET", "\(Self.statuses)?$top=1")
        XCTAssertEqual((top.json["value"] as? [Any])?.count, 1)
        XCTAssertNil(top.json["@odata.nextLink"], "$top caps the whole result")

        XCTAssertEqual(send(stub, "GET", "\(Self.statuses)?$filter=nope%20eq%201").status, 400)
        XCTAssertEqual(send(stub, "GET", "\(Self.statuses)?$filter=errorCode%20eq").status, 400)
        XCTAssertEqual(send(stub, "GET", "\(Self.statuses)?$expand=app").status, 400)
        XCTAssertEqual(send(stub, "GET", "\(Self.statuses)?$top=-1").status, 400)
    }

    /// Query numbers up to Int.max meet no arithmetic that can overflow: every answer is a page, and the stub keeps serving.
    func testExtremeSkipAndTopAnswerAPage() throws {
        let stub = try service { $0.pageSize = 2 }
        for index in 0..<3 {
            XCTAssertEqual(send(stub, "POST", Self.statuses, #"{"deviceName": "d\#(index)"}"#).status, 201)
        }
        let max = Int.max
        for query in ["$skip=\(max)&$top=1", "$skip=\(max)&$top=\(max)", "$top=\(max)", "$skip=\(max)", "$skip=1&$top=\(max)", "$skip=\(max - 1)&$top=\(max)&$count=true"] {
            let answer = send(stub, "GET", "\(Self.statuses)?\(query)")
            XCTAssertEqual(answer.status, 200, query)
            XCTAssertNotNil(answer.json["value"] as? [Any], query)
        }
        let all = send(stub, "GET", "\(Self.statuses)?$top=\(max)")
        XCTAssertEqual((all.json["value"] as? [Any])?.count, 2)
        let next = try XCTUnwrap(all.json["@odata.nextLink"] as? String)
        XCTAssertTrue(next.hasSuffix("$skip=2&$top=\(max - 2)"), next)
        XCTAssertEqual(((send(stub, "GET", "\(Self.statuses)?$skip=\(max)").json["value"] as? [Any]) ?? [1]).count, 0)
        XCTAssertEqual(send(stub, "GET", "\(Self.statuses)?$skip=\(max)0").status, 400, "beyond Int is not a number the stub takes")
        XCTAssertEqual(send(stub, "GET", Self.statuses).status, 200, "still serving")
    }

    /// A page ends at its byte cap before its item count, holds one item even when that one is larger, and its
    /// next link goes on from the first item left out: every item is reached once.
    func testListPagesAreCappedInBytes() throws {
        let stub = try service { $0.pageSize = 100; $0.maximumPageBytes = 300 }
        let padding = String(repeating: "x", count: 100)
        for index in 0..<7 {
            let name = index == 3 ? String(repeating: "y", count: 500) : "d\(index)-\(padding)"
            XCTAssertEqual(send(stub, "POST", Self.statuses, #"{"deviceName": "\#(name)"}"#).status, 201)
        }
        var target: String? = Self.statuses
        var names: [String] = []
        var pages = 0
        while let current = target, pages < 20 {
            let answer = send(stub, "GET", current)
            XCTAssertEqual(answer.status, 200)
            let items = (answer.json["value"] as? [[String: Any]]) ?? []
            XCTAssertFalse(items.isEmpty, current)
            if items.count > 1 { XCTAssertLessThanOrEqual(answer.response.body.count, 300 + 200, "a page of several items stays near its cap") }
            names += items.compactMap { $0["deviceName"] as? String }
            target = (answer.json["@odata.nextLink"] as? String).map { String($0.dropFirst("http://127.0.0.1:9".count)) }
            pages += 1
        }
        XCTAssertEqual(names.map { $0.prefix(2) }, ["d0", "d1", "d2", "yy", "d4", "d5", "d6"])
        XCTAssertGreaterThan(pages, 3)
    }

    /// Bodies the service would refuse: bytes that are not UTF-8, a member given twice; and data past the store's cap.
    func testBadBodiesAreRefusedAndStoredDataIsCapped() throws {
        let stub = try service { $0.maximumStoreBytes = 200 }
        let invalid = stub.handle(StubRequest(method: "POST", target: Self.statuses, headers: ["authorization": "Bearer t", "host": "h"],
                                              body: Array(#"{"deviceName": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)))
        XCTAssertEqual(invalid.status, 400)
        let twice = send(stub, "POST", Self.statuses, #"{"deviceName": "a", "errorCode": 1, "deviceName": "b"}"#)
        XCTAssertEqual(twice.status, 400)
        XCTAssertTrue(message(twice.json).contains("'deviceName' twice"), message(twice.json))
        XCTAssertEqual(send(stub, "POST", Self.statuses, #"{"deviceName": "\#(String(repeating: "x", count: 150))"}"#).status, 201)
        let full = send(stub, "POST", Self.statuses, #"{"deviceName": "\#(String(repeating: "y", count: 150))"}"#)
        XCTAssertEqual(full.status, 507, "\(full.json)")
        let id = try XCTUnwrap((send(stub, "GET", Self.statuses).json["value"] as? [[String: Any]])?.first?["id"] as? String)
        XCTAssertEqual(send(stub, "DELETE", "\(Self.statuses)/\(id)").status, 204)
        XCTAssertEqual(send(stub, "POST", Self.statuses, #"{"deviceName": "\#(String(repeating: "y", count: 150))"}"#).status, 201, "deleting frees the room")
    }

    func testEveryValidationClassIsA400NamingTheProperty() throws {
        let stub = try service()
        let cases: [(String, String)] = [
            (#"{"color": "red"}"#, "'color'"),
            (#"{"errorCode": "seven"}"#, "'errorCode'"),
            (#"{"installState": "sideways"}"#, "'sideways'"),
            (#"{"lastSyncDateTime": "yesterday"}"#, "'lastSyncDateTime'"),
            (#"{"errorCode": 4294967296}"#, "'errorCode'"),
            (#"{"id": "mine"}"#, "'id' is read-only"),
            (#"{"deviceName": "x""#, "not JSON"),
            ("[1]", "JSON object"),
            (String(repeating: "[", count: 100_000), "not JSON"),
        ]
        for (body, expected) in cases {
            let result = send(stub, "POST", Self.statuses, body)
            XCTAssertEqual(result.status, 400, body)
            XCTAssertTrue(message(result.json).contains(expected), "\(body): \(message(result.json))")
            XCTAssertEqual((result.json["error"] as? [String: Any])?["code"] as? String, "BadRequest")
            let requestID = result.response.headers.first { $0.name == "request-id" }?.value
            XCTAssertEqual(((result.json["error"] as? [String: Any])?["innerError"] as? [String: Any])?["request-id"] as? String, requestID)
        }
        XCTAssertEqual(stub.storedCount, 0)
    }

    func testAuthorizationPathsMethodsAndLimits() throws {
        let stub = try service { $0.token = "secret"; $0.maximumBodyBytes = 64 }
        XCTAssertEqual(send(stub, "GET", Self.statuses, authorization: nil).status, 401)
        XCTAssertEqual(send(stub, "GET", Self.statuses, authorization: "Basic abc").status, 401)
        XCTAssertEqual(send(stub, "GET", Self.statuses, authorization: "Bearer wrong").status, 401)
        XCTAssertEqual(send(stub, "GET", Self.statuses, authorization: "Bearer secret").status, 200)
        XCTAssertEqual(send(stub, "GET", "/beta/nowhere", authorization: "Bearer secret").status, 404)
        XCTAssertEqual(send(stub, "GET", "/v1.0/deviceAppManagement", authorization: "Bearer secret").status, 404)
        let method = send(stub, "PUT", Self.statuses, authorization: "Bearer secret")
        XCTAssertEqual(method.status, 405)
        XCTAssertEqual(method.response.headers.first { $0.name == "Allow" }?.value, "GET, POST")
        XCTAssertEqual(send(stub, "POST", Self.statuses, String(repeating: " ", count: 65), authorization: "Bearer secret").status, 413)
    }

    func testParentsAndReferences() throws {
        let stub = try service()
        let users = "/beta/deviceAppManagement/mobileApps/any/userStatuses"
        XCTAssertEqual(send(stub, "GET", "\(users)/ghost/deviceStatuses").status, 404, "userStatuses can be created, so a missing one is missing")
        let user = try XCTUnwrap(send(stub, "POST", users, #"{"userName": "Ada"}"#).json["id"] as? String)
        let device = try XCTUnwrap(send(stub, "POST", "/beta/deviceAppManagement/mobileApps/any/deviceStatuses", #"{"deviceName": "pc"}"#).json["id"] as? String)
        let refs = "\(users)/\(user)/deviceStatuses/$ref"
        let url = "https://graph.microsoft.com/beta/deviceAppManagement/mobileApps/any/deviceStatuses/\(device)"
        XCTAssertEqual(send(stub, "POST", refs, #"{"@odata.id": "\#(url)"}"#).status, 201)
        XCTAssertEqual(send(stub, "POST", refs, #"{"@odata.id": "https://graph.microsoft.com/beta/deviceAppManagement/mobileApps/any/deviceStatuses/none"}"#).status, 404)
        XCTAssertEqual(send(stub, "POST", refs, #"{"value": 1}"#).status, 400)
        let listed = send(stub, "GET", refs)
        XCTAssertEqual(((listed.json["value"] as? [[String: Any]]) ?? []).compactMap { $0["@odata.id"] as? String }, [url])
        XCTAssertEqual(send(stub, "DELETE", "\(users)/\(user)/deviceStatuses/\(device)/$ref").status, 404, "the seed pages document no reference removal")
    }

    func testSingletonsAreReadAndMerged() throws {
        let stub = StubService(model: try InputKind.stubModel(), options: StubOptions())
        XCTAssertEqual(send(stub, "GET", "/v1.0/me").status, 200)
        XCTAssertEqual(send(stub, "PATCH", "/v1.0/me", #"{"name": "Ada", "count": 2}"#).status, 200, "the declared update answers 200 with the entity")
        XCTAssertEqual(send(stub, "PATCH", "/v1.0/me", #"{"count": null}"#).status, 200)
        let me = send(stub, "GET", "/v1.0/me").json
        XCTAssertEqual(me["name"] as? String, "Ada")
        XCTAssertTrue(me["count"] is NSNull)
        XCTAssertEqual(send(stub, "PATCH", "/v1.0/me", #"{"count": "two"}"#).status, 400)
    }

    /// Actions and functions answer with their documented responses; an undocumented action that returns nothing, 204.
    func testCallsAnswerWithDocumentedResponses() throws {
        let golden = TestPaths.repoRoot.appendingPathComponent("Tests/GraphGenKitTests/Fixtures/golden/odd-names")
        let model = try ModelLoader.load(schemaPath: golden.appendingPathComponent("schema.yaml").path, pagePaths: [golden.appendingPathComponent("pages").path])
        let stub = StubService(model: model, options: StubOptions())
        let moved = send(stub, "POST", "/v1.0/things/7/move", #"{"to": {"street": "Elm"}}"#)
        XCTAssertEqual(moved.status, 200)
        XCTAssertEqual(moved.json["default"] as? String, "moved")
        let counted = send(stub, "GET", "/v1.0/things/countAll()")
        XCTAssertEqual(counted.status, 200)
        XCTAssertEqual(counted.json["value"] as? Int, 3)
        XCTAssertEqual(send(stub, "GET", "/v1.0/things/7/preview(color=@color,self=@self)?@color='red'&@self=2").status, 200)
        XCTAssertEqual(send(stub, "POST", "/v1.0/things/7/archive").status, 204, "declared, undocumented, returns nothing")
        XCTAssertEqual(send(stub, "GET", "/v1.0/things/7/move").status, 405, "an action is POSTed")
    }

    func testSeededExamplesAndRepeatableFaults() throws {
        let seeded = try service { $0.seedExamples = true }
        XCTAssertGreaterThan(seeded.storedCount, 0, "the seed pages document response bodies")
        // The create example's URL writes its key as a placeholder, so its item answers under any parent key.
        let documented = send(seeded, "GET", "/beta/deviceAppManagement/mobileApps/anything/deviceStatuses/f05d6c06-6c06-f05d-066c-5df0066c5df0")
        XCTAssertEqual(documented.status, 200, "\(documented.json)")
        XCTAssertEqual(documented.json["id"] as? String, "f05d6c06-6c06-f05d-066c-5df0066c5df0")
        XCTAssertNotNil(documented.json["deviceName"], "the documented body")
        XCTAssertEqual(send(seeded, "GET", "/beta/deviceAppManagement/mobileApps/anything/deviceStatuses/other").status, 404)

        func statuses(_ seed: UInt64) throws -> [Int] {
            let stub = try service { $0.failRate = 0.5; $0.randomSeed = seed }
            return (0..<40).map { _ in send(stub, "GET", Self.statuses).status }
        }
        let first = try statuses(7)
        XCTAssertEqual(first, try statuses(7), "the same seed gives the same faults")
        XCTAssertTrue(first.contains(429) && first.contains(200), "\(first)")
        let stub = try service { $0.failRate = 1; $0.failStatuses = [503] }
        let failed = send(stub, "GET", Self.statuses)
        XCTAssertEqual(failed.status, 503)
        let retryAfter = try XCTUnwrap(failed.response.headers.first { $0.name == "Retry-After" }?.value)
        XCTAssertTrue(retryAfter == "1" || retryAfter.hasSuffix(" GMT"), retryAfter)
    }

    func testCreatesAndUpdatesSetTheServiceTimes() throws {
        let clock = StubNotesService.Clock()
        let stub = try StubNotesService.service(clock: clock)
        let created = StubNotesService.send(stub, "POST", "/v1.0/notes", #"{"title": "t"}"#)
        XCTAssertEqual(created.json["createdDateTime"] as? String, "2027-01-15T08:00:00.250Z")
        XCTAssertEqual(created.json["lastModifiedDateTime"] as? String, "2027-01-15T08:00:00.250Z")
        let id = try XCTUnwrap(created.json["id"] as? String)
        clock.advance(60)
        XCTAssertEqual(StubNotesService.send(stub, "PATCH", "/v1.0/notes/\(id)", #"{"title": "u"}"#).status, 200)
        let got = StubNotesService.send(stub, "GET", "/v1.0/notes/\(id)").json
        XCTAssertEqual(got["createdDateTime"] as? String, "2027-01-15T08:00:00.250Z")
        XCTAssertEqual(got["lastModifiedDateTime"] as? String, "2027-01-15T08:01:00.250Z")
    }
}
