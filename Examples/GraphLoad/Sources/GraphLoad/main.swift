// Mixed operations through a generated client against a faulty graphgen-stub, then a read-back of the store:
// nothing the client was told succeeded may be missing, stale or present twice. The last line printed is one JSON
// summary.
//
//     GraphLoad BASE_URL TOKEN_URL OPERATIONS UPLOAD_BYTES urlsession|asynchttpclient
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NotesClient

let arguments = CommandLine.arguments
guard arguments.count == 6, let operations = Int(arguments[3]), operations >= 100, let uploadBytes = Int64(arguments[4]), uploadBytes > 0,
      let tokenURL = URL(string: arguments[2]), ["urlsession", "asynchttpclient"].contains(arguments[5]) else {
    FileHandle.standardError.write(Data("usage: GraphLoad BASE_URL TOKEN_URL OPERATIONS(>=100) UPLOAD_BYTES urlsession|asynchttpclient\n".utf8))
    exit(2)
}
let baseURL = arguments[1]
let workers = 64
let started = Date()

let retry = RetryOptions(maxRetries: 10, delay: .milliseconds(100), maxDelay: .seconds(10))
let tokens = ClientCredentialsTokenProvider(tokenURL: tokenURL, clientID: "graph-load", clientSecret: "load-secret", scope: "https://notes.example.com/.default")
let transport: any GraphTransport
if arguments[5] == "asynchttpclient" {
    transport = AsyncHTTPClientTransport()
} else {
    let configuration = URLSessionConfiguration.default
    configuration.httpMaximumConnectionsPerHost = workers
    transport = URLSessionTransport(configuration: configuration)
}
// Tracing first (one span per call, retries inside), logging last (each attempt; at debug, below the default level).
let client = GraphClient(baseURL: baseURL, transport: transport, tokenProvider: tokens,
                         middleware: [TracingMiddleware(), TelemetryMiddleware(), CompressionMiddleware(), RedirectMiddleware(), RetryMiddleware(options: retry),
                                      LoggingMiddleware()])

/// What one worker asked and what it was told.
struct Tally: Sendable {
    var asked = 0
    var succeeded = 0
    var failed = 0
    /// The notes this worker made and was told about: title and revision, or nil once deleted.
    var expected: [String: (title: String, revision: Int32)?] = [:]

    mutating func attempt<T>(_ work: () async throws -> T) async -> T? {
        asked += 1
        do {
            let value = try await work()
            succeeded += 1
            return value
        } catch {
            failed += 1
            FileHandle.standardError.write(Data("failed: \(error)\n".utf8))
            return nil
        }
    }

    mutating func merge(_ other: Tally) {
        asked += other.asked
        succeeded += other.succeeded
        failed += other.failed
        expected.merge(other.expected) { $1 }
    }
}

/// One worker's share: notes it alone touches, each created, read, updated, read again, and one in four deleted.
func work(worker: Int, budget: Int) async -> Tally {
    var tally = Tally()
    var note = 0
    while tally.asked < budget {
        note += 1
        let title = "w\(worker)-n\(note)"
        guard let created = await tally.attempt({ try await client.notes.post(Note { $0.title = title; $0.revision = 0 }) }),
              let id = created.id else { continue }
        tally.expected[id] = (title, 0)
        let item = client.notes.byNoteId(id)
        var revision: Int32 = 0
        for step in 0..<3 where tally.asked < budget {
            if step == 1 {
                let next = revision + 1
                if await tally.attempt({ try await item.patch(Note { $0.revision = next }) }) != nil {
                    revision = next
                    tally.expected[id] = (title, revision)
                }
            } else if let read = await tally.attempt({ try await item.get() }), read.title != title || read.revision != revision {
                FileHandle.standardError.write(Data("stale read of \(id): \(read.title ?? "-") r\(read.revision ?? -1), expected \(title) r\(revision)\n".utf8))
            }
        }
        if note % 4 == 0, tally.asked < budget, await tally.attempt({ try await item.delete() }) != nil {
            tally.expected[id] = .some(nil)
        }
    }
    return tally
}

/// Creates in batches of 20, through `POST /$batch`.
func batches(_ count: Int, part: Int) async -> Tally {
    var tally = Tally()
    for round in 0..<count {
        var batch = BatchRequest()
        var titles: [String: String] = [:]
        do {
            for index in 0..<GraphClient.batchLimit {
                let title = "b\(part)-\(round)-\(index)"
                let id = try batch.add(client.notes.postRequest(Note { $0.title = title; $0.revision = 0 }))
                titles[id] = title
            }
            let answer = try await client.batch(batch, retry: retry)
            for (id, title) in titles.sorted(by: { $0.key < $1.key }) {
                tally.asked += 1
                if let note = try? answer.decode(Note.self, id: id), let noteID = note.id {
                    tally.succeeded += 1
                    tally.expected[noteID] = (title, 0)
                } else {
                    tally.failed += 1
                    FileHandle.standardError.write(Data("batch step failed: \((try? answer.response(id).status).map(String.init) ?? "no answer")\n".utf8))
                }
            }
        } catch {
            tally.asked += GraphClient.batchLimit
            tally.failed += GraphClient.batchLimit
            FileHandle.standardError.write(Data("batch failed: \(error)\n".utf8))
        }
    }
    return tally
}

/// The bytes uploaded: the same on every run, and their FNV-1a digest (what the stub reports of what it received).
struct PatternBytes: AsyncSequence, Sendable {
    typealias Element = UInt8
    let count: Int64
    struct AsyncIterator: AsyncIteratorProtocol {
        var index: Int64 = 0
        let count: Int64
        mutating func next() async -> UInt8? {
            guard index < count else { return nil }
            defer { index += 1 }
            return UInt8(truncatingIfNeeded: (index &* 2_654_435_761) >> 13)
        }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(count: count) }

    var digest: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<count { hash = (hash ^ UInt64(UInt8(truncatingIfNeeded: (index &* 2_654_435_761) >> 13))) &* 0x0000_0100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Where the upload task leaves what it sent.
final class UploadedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (owner: String, digest: String)?
    func set(_ value: (owner: String, digest: String)) { lock.withLock { stored = value } }
    var value: (owner: String, digest: String)? { lock.withLock { stored } }
}
let uploadedBox = UploadedBox()

var total = Tally()
// A first delta round: the link the last round starts from.
let firstRound = await total.attempt { try await client.delta(Note.self, first: client.notes.delta.getRequest()) }

/// The upload: a note, an upload session for it, and `bytes` in slices; what the stub must have received.
func upload(_ size: Int64) async -> (Tally, owner: String, digest: String)? {
    var tally = Tally()
    guard let owner = await tally.attempt({ try await client.notes.post(Note { $0.title = "upload"; $0.revision = 0 }) }), let ownerID = owner.id else {
        return nil
    }
    tally.expected[ownerID] = ("upload", 0)
    let bytes = PatternBytes(count: size)
    let done = await tally.attempt { () -> LargeFileUpload.Result in
        let session = try await client.notes.byNoteId(ownerID).createUploadSession.post()
        guard let text = session.uploadUrl, let url = URL(string: text) else { throw URLError(.badURL) }
        return try await LargeFileUpload(client: client, uploadURL: url, sliceSize: 3 * 320 * 1024).upload(size: size, bytes: bytes)
    }
    return (tally, "/notes/\(ownerID)", done == nil ? "" : bytes.digest)
}

let batchCount = operations / 10 / GraphClient.batchLimit
let batchTasks = 8
// Five more: two delta rounds, the upload's note and its upload, the read-back.
let rest = operations - 5 - batchCount * GraphClient.batchLimit
var uploaded: (owner: String, digest: String)?
let results = await withTaskGroup(of: Tally.self) { group in
    group.addTask {
        guard let (tally, owner, digest) = await upload(uploadBytes) else { return Tally(asked: 2, failed: 2) }
        if !digest.isEmpty { uploadedBox.set((owner, digest)) }
        return tally
    }
    for part in 0..<batchTasks {
        group.addTask { await batches(batchCount / batchTasks + (part < batchCount % batchTasks ? 1 : 0), part: part) }
    }
    for worker in 0..<workers { group.addTask { await work(worker: worker, budget: rest / workers + (worker < rest % workers ? 1 : 0)) } }
    var all: [Tally] = []
    for await tally in group { all.append(tally) }
    return all
}
uploaded = uploadedBox.value
for tally in results { total.merge(tally) }

// The store read back, every page, and a delta round since the first.
var lost = 0
var stored: [String: Note] = [:]
var duplicates = 0
let listed = await total.attempt { () -> [Note] in
    var notes: [Note] = []
    for try await note in client.notes.items() { notes.append(note) }
    return notes
}
if let listed {
    var titles = Set<String>()
    for note in listed {
        if let id = note.id { stored[id] = note }
        if let title = note.title, !titles.insert(title).inserted { duplicates += 1 }
    }
    for (id, expectation) in total.expected {
        switch (expectation, stored[id]) {
        case (nil, nil): continue
        case (nil, _?): lost += 1; FileHandle.standardError.write(Data("deleted but present: \(id)\n".utf8))
        case (let want?, nil): lost += 1; FileHandle.standardError.write(Data("missing: \(id) \(want.title)\n".utf8))
        case (let want?, let note?):
            if note.title != want.title || note.revision != want.revision {
                lost += 1
                FileHandle.standardError.write(Data("stale: \(id) \(note.title ?? "-") r\(note.revision ?? -1), expected \(want.title) r\(want.revision)\n".utf8))
            }
        }
    }
    let unknown = stored.keys.filter { total.expected[$0] == nil }
    for id in unknown { FileHandle.standardError.write(Data("present but never reported made: \(id)\n".utf8)) }
    lost += unknown.count + duplicates
} else {
    lost = total.expected.count
}
var deltaMissing = 0
if let firstRound, let round = await total.attempt({ try await client.delta(Note.self, since: firstRound.deltaLink) }) {
    let changed = Set(round.items.compactMap(\.id))
    deltaMissing = total.expected.keys.filter { !changed.contains($0) }.count
    lost += deltaMissing
}

// What the stub saw: retries before their Retry-After, requests repeated after a success, what arrived of the upload.
var traffic: [String: Any] = [:]
if let url = URL(string: baseURL.replacingOccurrences(of: "/v1.0", with: "") + "/_stub/traffic"), let data = try? Data(contentsOf: url) {
    traffic = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
}
let uploads = traffic["uploads"] as? [[String: Any]] ?? []
let uploadIntact = uploaded.map { want in uploads.contains { $0["owner"] as? String == want.owner && $0["fnv1a64"] as? String == want.digest && $0["bytes"] as? Int == Int(uploadBytes) } } ?? false
if !uploadIntact { lost += 1 }

let summary: [String: Any] = [
    "transport": arguments[5],
    "operations": total.asked, "succeeded": total.succeeded, "failed": total.failed, "lost": lost,
    "retried": traffic["retries"] as? Int ?? -1, "early_retries": traffic["earlyRetries"] as? Int ?? -1,
    "repeated_after_success": traffic["repeatedAfterSuccess"] as? Int ?? -1, "faults": traffic["faults"] as? Int ?? -1,
    "redirects": traffic["redirects"] as? Int ?? -1, "requests": traffic["requests"] as? Int ?? -1, "batches": traffic["batches"] as? Int ?? -1,
    "notes_stored": stored.count, "duplicates": duplicates, "delta_missing": deltaMissing, "upload_bytes": uploadBytes, "upload_intact": uploadIntact,
    "seconds": (Date().timeIntervalSince(started) * 10).rounded() / 10,
]
let line = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
print(String(decoding: line, as: UTF8.self))
exit(lost == 0 && (summary["early_retries"] as? Int) == 0 && (summary["repeated_after_success"] as? Int) == 0 ? 0 : 1)
