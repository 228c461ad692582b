import Foundation
import IntuneApps
import InstallStatusSync
import XCTest

/// The consumer's code against the generated stub transport, which answers with the documented examples.
final class InstallStatusSyncTests: XCTestCase {
    /// Records every request and answers through the documented examples.
    actor Recorder: GraphTransport {
        var requests: [GraphRequest] = []
        nonisolated func send(_ request: GraphRequest) async throws -> GraphResponse {
            await add(request)
            return try await StubTransport().send(request)
        }
        func add(_ request: GraphRequest) { requests.append(request) }
    }

    func testCreateUpdateAndLink() async throws {
        let recorder = Recorder()
        let sync = InstallStatusSync(client: GraphClient(transport: recorder, tokenProvider: StaticAccessToken("t")), appID: "app 1")

        let created = try await sync.report(deviceName: "Laptop", state: .installed, at: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(created.deviceName, "Device Name value", "the stub answers with the documented response")
        XCTAssertEqual(created.lastSyncDateTime?.rawValue, "2017-01-01T00:02:49.3205976-08:00")

        let updated = try await sync.recordFailure(userStatusID: "u", deviceStatusID: "d", errorCode: 7)
        XCTAssertEqual(updated.errorCode, 9)

        try await sync.link(deviceStatusID: "d", toUserStatus: "u")

        let requests = await recorder.requests
        XCTAssertEqual(requests.map(\.method), ["POST", "PATCH", "POST"])
        XCTAssertEqual(requests[0].url.absoluteString, "https://graph.microsoft.com/beta/deviceAppManagement/mobileApps/app%201/deviceStatuses")
        let post = try XCTUnwrap(requests[0].body.flatMap { try JSONSerialization.jsonObject(with: $0) as? [String: Any] })
        XCTAssertNil(post["@odata.type"], "a create into a collection whose type has no derived types sends the body as given")
        XCTAssertEqual(post["deviceName"] as? String, "Laptop")
        let patch = try XCTUnwrap(requests[1].body.flatMap { try JSONSerialization.jsonObject(with: $0) as? [String: Any] })
        XCTAssertEqual(patch.keys.sorted(), ["errorCode", "osDescription"], "PATCH sends only what was set, and the explicit null")
        XCTAssertTrue(patch["osDescription"] is NSNull)
        XCTAssertEqual(requests[2].url.path, "/beta/deviceAppManagement/mobileApps/app 1/userStatuses/u/deviceStatuses/$ref")
        let reference = try XCTUnwrap(requests[2].body.flatMap { try JSONSerialization.jsonObject(with: $0) as? [String: String] })
        XCTAssertEqual(reference, ["@odata.id": "https://graph.microsoft.com/beta/deviceAppManagement/mobileApps/app 1/deviceStatuses/d"])
        XCTAssertEqual(requests[0].headers["Authorization"], "Bearer t")
    }

    func testGenericCodeReadsThroughEitherBuilder() async throws {
        // The pages document no GET of one status, so the stub is given one.
        let read = DocumentedExample(method: "GET", path: "deviceStatuses/{id}", status: 200, responseBody: #"{"deviceName": "Laptop"}"#, source: "test")
        let app = GraphClient(transport: StubTransport(examples: [read])).deviceAppManagement.mobileApps.byMobileAppId("a")
        let own = try await InstallStatusSync.deviceName(of: app.deviceStatuses.byMobileAppInstallStatusId("d"))
        let users = try await InstallStatusSync.deviceName(of: app.userStatuses.byUserAppInstallStatusId("u").deviceStatuses.byMobileAppInstallStatusId("d"))
        XCTAssertEqual(own, "Laptop")
        XCTAssertEqual(users, "Laptop")
        XCTAssertEqual(try app.userStatuses.byUserAppInstallStatusId("u").deviceStatuses.byMobileAppInstallStatusId("d").getRequest().url.path,
                       "/beta/deviceAppManagement/mobileApps/a/userStatuses/u/deviceStatuses/d")
    }
}
