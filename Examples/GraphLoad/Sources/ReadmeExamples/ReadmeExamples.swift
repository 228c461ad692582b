// Made by .ci/readme-examples from README's "Production use" section, so CI compiles every example.
// Edit README, then run .ci/readme-examples --write.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NotesClient

func readmeExample1(token: String, id: String, client: GraphClient) async throws {
    var client = GraphClient(baseURL: "https://notes.example.com/v1.0", tokenProvider: StaticAccessToken(token))
    client.middleware = [TelemetryMiddleware(), CompressionMiddleware(), RedirectMiddleware(),
                         RetryMiddleware(options: RetryOptions(maxRetries: 6))]
    var request = try client.notes.getRequest(ListQuery(top: 50))
    request.options.retry = RetryOptions(retriesThrottling: false)     // 503 and 504 still retried
    let response = try await client.execute(request)
    print(response.status, response.header("request-id") ?? "")
}

func readmeExample2(token: String, id: String, client: GraphClient) async throws {
    let round = try await client.delta(Note.self, first: client.notes.delta.getRequest(ListQuery(select: ["title", "revision"])))
    print("\(round.items.count) notes; keep \(round.deltaLink)")
    let changes = try await client.delta(Note.self, since: round.deltaLink)
    for note in changes.items where note.json["@removed"] != nil { print("removed: \(note.id ?? "")") }
}

func readmeExample3(token: String, id: String, client: GraphClient) async throws {
    guard let tokenURL = URL(string: "https://login.microsoftonline.com/TENANT/oauth2/v2.0/token") else { return }
    let credentials = ClientCredentialsTokenProvider(tokenURL: tokenURL, clientID: "APP-ID", clientSecret: token,
                                                     scope: "https://graph.microsoft.com/.default")
    let signedIn = GraphClient(baseURL: client.baseURL, tokenProvider: credentials)
    _ = try await signedIn.notes.get()
}

func readmeExample4(token: String, id: String, client: GraphClient) async throws {
    var batch = BatchRequest()
    let created = try batch.add(client.notes.postRequest(Note { $0.title = "first" }))
    try batch.add(client.notes.getRequest(ListQuery(top: 5)), id: "list", dependsOn: [created])
    let answer = try await client.batch(batch)
    let note = try answer.decode(Note.self, id: created)
    print(note.id ?? "", try answer.response("list").status)
}

func readmeExample5(token: String, id: String, client: GraphClient) async throws {
    let session = try await client.notes.byNoteId(id).createUploadSession.post()
    if let text = session.uploadUrl, let uploadURL = URL(string: text) {
        let upload = LargeFileUpload(client: client, uploadURL: uploadURL, sliceSize: 10 * 320 * 1024)
        let result = try await upload.upload(file: URL(fileURLWithPath: "video.mp4")) { sent, total in print("\(sent) of \(total)") }
        print(result.status, result.location ?? "")
    }
}

func readmeExample6(token: String, id: String, client: GraphClient) async throws {
    let traced = GraphClient(baseURL: client.baseURL, transport: AsyncHTTPClientTransport(), tokenProvider: StaticAccessToken(token),
                             middleware: [TracingMiddleware(), TelemetryMiddleware(), CompressionMiddleware(), RedirectMiddleware(),
                                          RetryMiddleware(options: RetryOptions(maxRetries: 10)), LoggingMiddleware()])
    _ = try await traced.notes.get()
}
