import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import IntuneApps
import InstallStatusSync
import XCTest

/// The consumer's code over real HTTP against `graphgen-stub`, the documented service run locally.
/// Needs the stub built in the GraphGen checkout (`swift build` there; the README's test command does).
final class StubServiceTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func startStub(_ arguments: [String] = []) throws -> (Process, String) {
        let binary = Self.repository.appendingPathComponent(".build/debug/graphgen-stub")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("graphgen-stub is not built at \(binary.path); run `swift build` in the GraphGen checkout")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--port", "0", "--seed", "none"] + arguments
        process.currentDirectoryURL = Self.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+/beta"#, options: .regularExpression) else {
            process.terminate()
            throw XCTSkip("graphgen-stub did not start: \(text)")
        }
        return (process, String(text[range]))
    }

    func testListOptionsAndPagingAgainstTheRunningStub() async throws {
        let (stub, baseURL) = try startStub(["--page-size", "2"])
        defer { stub.terminate(); stub.waitUntilExit() }
        let client = GraphClient(baseURL: baseURL, transport: URLSessionTransport(), tokenProvider: StaticAccessToken("t"))
        let statuses = client.deviceAppManagement.mobileApps.byMobileAppId("paged").deviceStatuses
        for name in ["A", "B", "C", "D", "E"] {
            _ = try await statuses.post(MobileAppInstallStatus {
                $0.deviceName = name
                $0.errorCode = name == "C" ? 1 : 0
            })
        }
        let firstPage = try await statuses.get()
        XCTAssertEqual(firstPage.value.map(\.deviceName), ["A", "B"])
        XCTAssertNotNil(firstPage.nextLink)

        var everything: [String?] = []
        for try await status in statuses.items() { everything.append(status.deviceName) }
        XCTAssertEqual(everything, ["A", "B", "C", "D", "E"], "items() follows @odata.nextLink")

        let filtered = try await statuses.get(ListQuery(filter: "errorCode eq 1 or deviceName eq 'E'", select: ["deviceName"]))
        XCTAssertEqual(filtered.value.map(\.deviceName), ["C", "E"])
        XCTAssertEqual(filtered.value.map(\.errorCode), [nil, nil], "$select left the rest out")
        let top = try await statuses.get(ListQuery(top: 3, skip: 1, orderBy: ["deviceName desc"], count: true))
        XCTAssertEqual(top.value.map(\.deviceName), ["D", "C"], "a page of the stub's size, ordered")
        XCTAssertEqual(top.additionalData["@odata.count"], .integer(5))
    }

    func testSyncAgainstTheRunningStub() async throws {
        let (stub, baseURL) = try startStub()
        defer { stub.terminate(); stub.waitUntilExit() }
        let client = GraphClient(baseURL: baseURL, transport: URLSessionTransport(), tokenProvider: StaticAccessToken("t"))
        let sync = InstallStatusSync(client: client, appID: "app 1")
        let app = client.deviceAppManagement.mobileApps.byMobileAppId("app 1")

        let created = try await sync.report(deviceName: "Laptop", state: .installed, at: Date(timeIntervalSince1970: 0))
        let deviceID = try XCTUnwrap(created.id, "the stub assigns an id")
        XCTAssertEqual(created.deviceName, "Laptop", "the stub answers with what was stored")
        let listed = try await app.deviceStatuses.get()
        XCTAssertEqual(listed.value.map(\.id), [deviceID])

        let user = try await app.userStatuses.post(UserAppInstallStatus { $0.userName = "Ada" })
        let userID = try XCTUnwrap(user.id)
        _ = try await app.userStatuses.byUserAppInstallStatusId(userID).deviceStatuses.post(MobileAppInstallStatus {
            $0.deviceName = "Phone"
            $0.osDescription = "iOS"
        })
        let phones = try await app.userStatuses.byUserAppInstallStatusId(userID).deviceStatuses.get()
        let phoneID = try XCTUnwrap(phones.value.first?.id)
        let updated = try await sync.recordFailure(userStatusID: userID, deviceStatusID: phoneID, errorCode: 7)
        XCTAssertEqual(updated.errorCode, 7)
        XCTAssertEqual(updated.deviceName, "Phone", "PATCH merges")
        XCTAssertNil(updated.osDescription, "the explicit null cleared it")

        try await sync.link(deviceStatusID: deviceID, toUserStatus: userID)
        do {
            try await sync.link(deviceStatusID: "missing", toUserStatus: userID)
            XCTFail("a reference to a missing item is refused")
        } catch let error as GraphError {
            XCTAssertEqual(error.status, 404)
        }
        do {
            _ = try await app.deviceStatuses.byMobileAppInstallStatusId("nope").get()
            XCTFail("an unknown id is a 404")
        } catch let error as GraphError {
            XCTAssertEqual(error.status, 404)
            XCTAssertEqual(error.code, "ResourceNotFound")
            XCTAssertNotNil(error.requestID)
        }
    }
}
