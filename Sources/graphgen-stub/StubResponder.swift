import ArgumentParser
import Foundation
import GraphGenKit
import HTTPTypes
import Hummingbird
import NIOCore

/// Hands each HTTP request to the stub service and its answer back; the only place that knows the server framework.
struct StubResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let service: StubService
    let delay: Duration
    let recorder: RequestRecorder?
    let maximumBodyBytes: Int

    /// The header names the service answers with, parsed once.
    static let fieldNames: [String: HTTPField.Name] = Dictionary(uniqueKeysWithValues: ["Content-Type", "request-id", "Retry-After", "Allow", "Location", "WWW-Authenticate", "Content-Range"].compactMap { name in
        HTTPField.Name(name).map { (name, $0) }
    })

    func respond(to request: Request, context: Context) async throws -> Response {
        // Names in lower case, repeated fields joined; HTTP/1.1's Host header arrives as the request's authority.
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        if let authority = request.head.authority { headers["host"] = authority }
        let target = request.uri.string
        let answer: StubResponse
        func tooLarge() -> StubResponse {
            service.refuse(413, code: "RequestEntityTooLarge", message: "The request body is larger than \(maximumBodyBytes) bytes.")
        }
        // A declared length over the limit is refused before any of the body is read; otherwise one byte over the
        // limit is enough to know the body is too large.
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximumBodyBytes {
            answer = tooLarge()
        } else {
            do {
                let buffer = try await request.body.collect(upTo: maximumBodyBytes + 1)
                answer = service.handle(StubRequest(method: request.method.rawValue, target: target, headers: headers, body: Array(buffer.readableBytesView)))
            } catch is NIOTooManyBytesError {
                answer = tooLarge()
            } catch {
                // The decoder could not read the body: a malformed chunk size, say.
                answer = service.refuse(400, code: "BadRequest", message: "The request body could not be read as HTTP/1.1.")
            }
        }
        if delay > .zero { try await Task.sleep(for: delay) }
        recorder?.record(method: request.method.rawValue, target: target, response: answer)
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let field = Self.fieldNames[name] ?? HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        return Response(status: .init(code: answer.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// `--record FILE`: one JSON line per request (method, target, status, response body), appended as they are answered.
final class RequestRecorder: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ValidationError("cannot create the record file '\(path)'")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ValidationError("cannot write the record file '\(path)'") }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func record(method: String, target: String, response: StubResponse) {
        let line = RecordedExchange(method: method, target: target, status: response.status, responseBody: String(decoding: response.body, as: UTF8.self))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(line) else { return }
        lock.withLock {
            handle.write(data)
            handle.write(Data("\n".utf8))
        }
    }
}

/// One line of the record file.
private struct RecordedExchange: Encodable {
    var method: String
    var target: String
    var status: Int
    var responseBody: String
}
