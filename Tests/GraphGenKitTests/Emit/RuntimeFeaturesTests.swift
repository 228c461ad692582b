import XCTest
@testable import GraphGenKit

/// graphgen.yaml's `runtime:` parts: each adds its runtime file, its test and its package dependency, and only then.
final class RuntimeFeaturesTests: XCTestCase {
    func render(_ runtime: RuntimeFeatures) throws -> [String: String] {
        let schema = try SchemaDecoder.decode("""
        namespace: example.small
        module: Small
        root:
          - { name: things, type: thing, collection: true, operations: [list] }
        entities:
          - name: thing
            properties:
              - { name: id, type: String }
        """, file: "small.yaml")
        let files = try Generator.render(model: ModelBuilder.build(schema: schema, pages: []), templatesOverride: nil, module: nil, accessLevel: nil, runtime: runtime)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    func testOffByDefaultWithNoDependency() throws {
        let files = try render(RuntimeFeatures())
        XCTAssertNil(files["Sources/Small/Runtime/AsyncHTTPClientTransport.swift"])
        XCTAssertNil(files["Sources/Small/Runtime/LoggingMiddleware.swift"])
        XCTAssertNil(files["Sources/Small/Runtime/TracingMiddleware.swift"])
        XCTAssertNil(files["Tests/SmallTests/RuntimeOptionTests.swift"])
        let manifest = try XCTUnwrap(files["Package.swift"])
        XCTAssertFalse(manifest.contains("async-http-client") || manifest.contains("swift-log") || manifest.contains("swift-distributed-tracing"), manifest)
        XCTAssertTrue(manifest.contains(#".target(name: "Small"),"#), manifest)
    }

    func testEachPartBringsItsFileAndDependency() throws {
        let parts: [(RuntimeFeatures, file: String, package: String, product: String)] = [
            (RuntimeFeatures(asyncHTTPClient: true), "AsyncHTTPClientTransport", "swift-server/async-http-client", #".product(name: "AsyncHTTPClient", package: "async-http-client")"#),
            (RuntimeFeatures(logging: true), "LoggingMiddleware", "apple/swift-log", #".product(name: "Logging", package: "swift-log")"#),
            (RuntimeFeatures(tracing: true), "TracingMiddleware", "apple/swift-distributed-tracing", #".product(name: "Tracing", package: "swift-distributed-tracing")"#),
        ]
        for part in parts {
            let files = try render(part.0)
            let manifest = try XCTUnwrap(files["Package.swift"])
            XCTAssertNotNil(files["Sources/Small/Runtime/\(part.file).swift"], part.file)
            XCTAssertEqual(parts.filter { files["Sources/Small/Runtime/\($0.file).swift"] != nil }.count, 1, "only \(part.file)")
            XCTAssertTrue(manifest.contains("https://github.com/\(part.package)"), manifest)
            XCTAssertTrue(manifest.contains(part.product), manifest)
            XCTAssertEqual(parts.filter { manifest.contains($0.product) }.count, 1, manifest)
            XCTAssertNotNil(files["Tests/SmallTests/RuntimeOptionTests.swift"])
        }
    }
}
