import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `graphgen-stub` as a user runs it: the built executable on a free loopback port, driven over HTTP.
final class StubServerTests: XCTestCase {
    final class Server {
        let process = Process()
        let baseURL: URL
        let output: Pipe

        init(_ arguments: [String]) throws {
            process.executableURL = try CLI.executable("graphgen-stub")
            process.arguments = ["--port", "0"] + arguments
            process.currentDirectoryURL = CLI.repoRoot
            output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line says where it listens.
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self)
            guard let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+/beta"#, options: .regularExpression) else {
                process.terminate()
                throw XCTSkip("graphgen-stub did not start: \(text)")
            }
            baseURL = try XCTUnwrap(URL(string: String(text[range])))
        }

        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }

        func send(_ method: String, _ path: String, _ body: String? = nil, token: String? = "t") async throws -> (status: Int, json: [String: Any], headers: [AnyHashable: Any]) {
            var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!)
            request.httpMethod = method
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            if let body {
                request.httpBody = Data(body.utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = try XCTUnwrap(response as? HTTPURLResponse)
            let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return (http.statusCode, json, http.allHeaderFields)
        }
    }

    static let statuses = "/deviceAppManagement/mobileApps/app1/deviceStatuses"

    func testCreateGetListPatchDeleteOverHTTP() async throws {
        let server = try Server(["--seed", "none", "--page-size", "1"])
        defer { _ = server.stop() }
        let created = try await server.send("POST", Self.statuses, #"{"deviceName": "laptop", "installState": "installed", "errorCode": 3}"#)
        XCTAssertEqual(created.status, 201, "\(created.json)")
        let id = try XCTUnwrap(created.json["id"] as? String)
        XCTAssertNotNil(created.headers["request-id"] ?? created.headers["Request-Id"])
        let answer1 = try await server.send("POST", Self.statuses, #"{"deviceName": "phone"}"#)
        XCTAssertEqual(answer1.status, 201)

        let page = try await server.send("GET", Self.statuses + "?$count=true")
        XCTAssertEqual(page.json["@odata.count"] as? Int, 2)
        let next = try XCTUnwrap(page.json["@odata.nextLink"] as? String)
        let rest = try await server.send("GET", String(next.dropFirst(server.baseURL.absoluteString.count)))
        XCTAssertEqual(((rest.json["value"] as? [[String: Any]]) ?? []).first?["deviceName"] as? String, "phone", "\(next) → \(rest.json)")

        let answer2 = try await server.send("PATCH", "\(Self.statuses)/\(id)", #"{"deviceName": null}"#)
        XCTAssertEqual(answer2.status, 200)
        let got = try await server.send("GET", "\(Self.statuses)/\(id)")
        XCTAssertTrue(got.json["deviceName"] is NSNull)
        XCTAssertEqual(got.json["errorCode"] as? Int, 3)
        let answer3 = try await server.send("DELETE", "\(Self.statuses)/\(id)")
        XCTAssertEqual(answer3.status, 204)
        let answer4 = try await server.send("GET", "\(Self.statuses)/\(id)")
        XCTAssertEqual(answer4.status, 404)

        let bad = try await server.send("POST", Self.statuses, #"{"installState": "sideways"}"#)
        XCTAssertEqual(bad.status, 400)
        XCTAssertTrue((((bad.json["error"] as? [String: Any])?["message"] as? String) ?? "").contains("installState"), "\(bad.json)")
        let answer5 = try await server.send("GET", Self.statuses, token: nil)
        XCTAssertEqual(answer5.status, 401)
        let answer6 = try await server.send("GET", "/nowhere")
        XCTAssertEqual(answer6.status, 404)
        let answer7 = try await server.send("PUT", Self.statuses)
        XCTAssertEqual(answer7.status, 405)
        let answer8 = try await server.send("POST", Self.statuses, String(repeating: " ", count: 2_000_000))
        XCTAssertEqual(answer8.status, 413)
        XCTAssertEqual(server.stop(), 0, "SIGTERM ends the stub cleanly")
    }

    /// Bytes sent as they are, for requests URLSession will not make; the first line of the answer, or "" when the
    /// stub says nothing within two seconds.
    func rawStatusLine(_ server: Server, _ bytes: String) throws -> String {
        let port = try XCTUnwrap(server.baseURL.port)
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(socket, 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(connected, 0)
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = Array(bytes.utf8).withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(socket, &buffer, buffer.count, 0)
        let text = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
        return text.components(separatedBy: "\r\n").first ?? ""
    }

    /// A request line without a version (HTTP/0.9), a malformed chunk size and a declared body past the limit are
    /// each answered at once, and the stub keeps serving.
    func testMalformedHTTPIsAnsweredAtOnce() async throws {
        let server = try Server(["--seed", "none"])
        defer { _ = server.stop() }
        XCTAssertEqual(try rawStatusLine(server, "GET /\r\n"), "HTTP/1.1 400 Bad Request")
        XCTAssertEqual(try rawStatusLine(server, "POST /beta\(Self.statuses) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"), "HTTP/1.1 400 Bad Request")
        XCTAssertEqual(try rawStatusLine(server, "POST /beta\(Self.statuses) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Length: 1099511627776\r\n\r\n"), "HTTP/1.1 413 Payload Too Large")
        XCTAssertEqual(try rawStatusLine(server, "\r\nGET /beta\(Self.statuses) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n"), "HTTP/1.1 200 OK", "an empty line may come first")
        let answer = try await server.send("GET", Self.statuses)
        XCTAssertEqual(answer.status, 200)
    }

    func testFaultsAndRecording() async throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = folder.appendingPathComponent("requests.jsonl")
        let server = try Server(["--fail-rate", "1", "--fail-status", "503", "--latency", "20ms", "--record", record.path])
        let started = Date()
        let failed = try await server.send("GET", Self.statuses)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.02)
        XCTAssertEqual(failed.status, 503)
        XCTAssertEqual(failed.headers["Retry-After"] as? String, "1")
        XCTAssertEqual(server.stop(), 0)
        let lines = try String(contentsOf: record, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines.first?.contains(#""status":503"#) == true, "\(lines)")
    }

    func testBadInputsExitTwo() throws {
        let result = try CLI.runExecutable("graphgen-stub", ["--schema", "no-such.yaml", "--port", "0"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no-such.yaml"), result.stderr)
    }
}
