import ArgumentParser
import Foundation
import GraphGenCommandLine
import GraphGenKit
import Hummingbird
import Logging

@main
struct GraphGenStub: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphgen-stub",
        abstract: "Serves the documented service over HTTP from the same config, schema and pages as graphgen.",
        discussion: """
        Every operation of the model, in memory: requests are checked against the schema (400 with a Graph error naming \
        the property), unknown paths are 404, undocumented methods 405, and every response carries a request-id. \
        Prints the address it listens on once it is ready. Exit codes: 0 after SIGINT or SIGTERM; 2 bad input.
        """
    )

    enum Seed: String, ExpressibleByArgument, CaseIterable { case examples, none }

    @OptionGroup var inputs: InputOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one (printed once listening).")
    var port = 8080

    @Option(help: "The bearer token requests must carry (default: any non-empty token).")
    var token: String?

    @Option(help: "Initial data: examples (the documented response bodies) or none.")
    var seed: Seed = .examples

    @Option(help: "The share of requests (0 to 1) answered with --fail-status instead.")
    var failRate = 0.0

    @Option(help: "A status injected faults answer with; repeat for several, drawn at random (429 and 503 carry Retry-After, in seconds or as a date).")
    var failStatus: [Int] = [429]

    @Option(help: "The share of requests (0 to 1) answered 307 Temporary Redirect to their own URL.")
    var redirectRate = 0.0

    @Option(help: "With --client-secret: a token endpoint at /{tenant}/oauth2/v2.0/token (client credentials), and the API takes only its tokens.")
    var clientID: String?

    @Option(help: "The client secret the token endpoint checks.")
    var clientSecret: String?

    @Option(help: "Seconds a token from the token endpoint is good for.")
    var tokenLifetime = 3600

    @Option(help: "Seconds an upload session lasts.")
    var uploadSessionLifetime = 3600

    @Option(help: "Delay before every response, e.g. 50ms or 1s.")
    var latency: String?

    @Option(help: "Seed for injected faults and generated ids, so a run can be repeated.")
    var randomSeed: UInt64 = 0

    @Option(help: "Append each request and response as a JSON line to this file.")
    var record: String?

    @Option(help: "Largest request body in bytes; larger ones get 413.")
    var maxBodyBytes = 1 << 20

    @Option(help: "Largest amount of data requests may store, in bytes (the bodies that made it); past it, 507.")
    var maxStoreBytes = 256 << 20

    @Option(help: "Items per page of a list before @odata.nextLink.")
    var pageSize = 100

    @Option(help: "Largest list page in bytes of JSON; a page past it ends early with @odata.nextLink (it holds one item at least).")
    var maxPageBytes = 4 << 20

    func validate() throws {
        guard (0...1).contains(failRate), (0...1).contains(redirectRate) else { throw ValidationError("--fail-rate and --redirect-rate are shares between 0 and 1") }
        guard (clientID == nil) == (clientSecret == nil) else { throw ValidationError("--client-id and --client-secret go together") }
        guard tokenLifetime > 0, uploadSessionLifetime > 0 else { throw ValidationError("--token-lifetime and --upload-session-lifetime must be positive") }
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0…65535") }
        guard !failStatus.isEmpty, failStatus.allSatisfy((400...599).contains) else { throw ValidationError("--fail-status is an error status (400…599)") }
        guard pageSize > 0, maxBodyBytes > 0, maxStoreBytes > 0, maxPageBytes > 0 else {
            throw ValidationError("--page-size, --max-page-bytes, --max-body-bytes and --max-store-bytes must be positive")
        }
        _ = try delay()
    }

    func delay() throws -> Duration {
        guard let latency else { return .zero }
        let number = { (suffix: String) in Double(latency.dropLast(suffix.count)) }
        if latency.hasSuffix("ms"), let value = number("ms"), value >= 0 { return .milliseconds(value) }
        if latency.hasSuffix("s"), let value = number("s"), value >= 0 { return .milliseconds(value * 1000) }
        throw ValidationError("--latency takes a duration such as 50ms or 1s")
    }

    func run() async throws {
        var loaded: APIModel?
        try inputs.run { config, paths in
            let model = try inputs.loadModel(config)
            // The pages' warnings are drift's to list; the stub says how many there are and what it left out.
            let warnings = model.diagnostics.filter { $0.severity >= .warning }.count
            if warnings > 0 { FileHandle.standardError.write(Data("\(warnings) reading warnings in the pages (graphgen drift lists them)\n".utf8)) }
            printPageReading(model.pageReading, paths: paths)
            loaded = model
        }
        guard let model = loaded else { throw ExitCode(2) }
        var options = StubOptions()
        options.token = token
        options.seedExamples = seed == .examples
        options.failRate = failRate
        options.failStatuses = failStatus
        options.redirectRate = redirectRate
        options.clientID = clientID
        options.clientSecret = clientSecret
        options.tokenLifetime = tokenLifetime
        options.uploadSessionLifetime = uploadSessionLifetime
        options.randomSeed = randomSeed
        options.pageSize = pageSize
        options.maximumBodyBytes = maxBodyBytes
        options.maximumStoreBytes = maxStoreBytes
        options.maximumPageBytes = maxPageBytes
        let service = StubService(model: model, options: options)
        let recorder = try record.map { try RequestRecorder(path: $0) }
        let responder = StubResponder(service: service, delay: try delay(), recorder: recorder, maximumBodyBytes: maxBodyBytes)
        let host = self.host, version = model.apiVersion, stored = service.storedCount
        let app = Application(
            responder: responder,
            server: .guardedHTTP1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: "graphgen-stub"),
            onServerRunning: { channel in
                let shown = host.contains(":") ? "[\(host)]" : host
                let line = "graphgen-stub listening on http://\(shown):\(channel.localAddress?.port ?? 0)/\(version) (\(stored) documented items)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            },
            logger: Logger(label: "graphgen-stub", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await app.runService()
    }
}
