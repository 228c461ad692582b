import XCTest
@testable import GraphGenKit

final class GraphGenConfigTests: XCTestCase {
    func decode(_ text: String) throws -> GraphGenConfig {
        try GraphGenConfig.decode(text, path: "/project/graphgen.yaml", displayPath: "graphgen.yaml")
    }

    func messages(_ text: String) -> [String] {
        do {
            _ = try decode(text)
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    func testRuntimeFeaturesAreOffUnlessTurnedOn() throws {
        XCTAssertEqual(try decode("schema: s.yaml").runtime, RuntimeFeatures())
        let config = try decode("runtime:\n  asyncHTTPClient: true\n  logging: false\n  tracing: true\n")
        XCTAssertEqual(config.runtime, RuntimeFeatures(asyncHTTPClient: true, logging: false, tracing: true))
        XCTAssertEqual(config.runtime.names, ["asyncHTTPClient", "tracing"])
    }

    func testMemberModulesAreAWholeNumberInRange() throws {
        XCTAssertNil(try decode("schema: s.yaml").memberModules)
        XCTAssertEqual(try decode("memberModules: 4\n").memberModules, 4)
        XCTAssertEqual(messages("memberModules: 0\n"), ["1:16 'memberModules' is '0'; expected a whole number from 1 (one module) to 64"])
        XCTAssertEqual(messages("memberModules: three\n"), ["1:16 'memberModules' is 'three'; expected a whole number from 1 (one module) to 64"])
    }

    func testBadRuntimeSettingsAreLocated() {
        XCTAssertEqual(messages("runtime:\n  metrics: true\n"), ["2:3 unknown key 'runtime.metrics' (expected one of: asyncHTTPClient, logging, tracing)"])
        XCTAssertEqual(messages("runtime:\n  logging: yes please\n"), ["2:12 'runtime.logging' must be true or false"])
        XCTAssertEqual(messages("runtime:\n  logging:\n"), ["2:11 'runtime.logging' must be true or false"])
        XCTAssertEqual(messages("runtime: [logging]\n"), ["1:10 'runtime' must be a mapping of features to true or false, found a sequence"])
    }
}
