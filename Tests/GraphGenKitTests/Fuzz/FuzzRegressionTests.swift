import Foundation
import XCTest
@testable import GraphGenKit

/// Replays every input under Fixtures/fuzz/KIND/ through its reader: hand-written hostile inputs and whatever
/// `Fuzz/run.sh` found. Each must be read or rejected with a located diagnostic, never crash.
final class FuzzRegressionTests: XCTestCase {
    func testEveryRegressionInputIsReadOrRejected() throws {
        let root = URL(fileURLWithPath: TestPaths.fixture("fuzz"))
        var replayed = 0
        for kind in InputKind.allCases {
            let folder = root.appendingPathComponent(kind.rawValue)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? [] {
                let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
                do {
                    try kind.read(bytes)
                } catch let error as DiagnosticError {
                    XCTAssertFalse(error.diagnostics.isEmpty, "\(kind.rawValue)/\(name)")
                } catch {
                    XCTFail("\(kind.rawValue)/\(name): \(error) is not a diagnostic")
                }
                replayed += 1
            }
        }
        XCTAssertGreaterThanOrEqual(replayed, 12)
    }
}
