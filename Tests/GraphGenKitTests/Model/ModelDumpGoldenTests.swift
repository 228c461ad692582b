import Foundation
import XCTest
@testable import GraphGenKit

/// The model of the odd-names fixture, dumped as text, against a golden: reader and merge changes show here,
/// emitter changes in the generated-package golden. Re-record with `RECORD_GOLDENS=1 swift test --filter ModelDumpGoldenTests`.
final class ModelDumpGoldenTests: XCTestCase {
    func testOddNamesModel() throws {
        let folder = TestPaths.repoRoot.appendingPathComponent("Tests/GraphGenKitTests/Fixtures/golden/odd-names").path
        let model = try ModelLoader.load(schemaPath: folder + "/schema.yaml", pagePaths: [folder + "/pages"])
        let dump = ModelDump.text(model)
        let golden = folder + "/model.txt"
        if GoldenFiles.recording {
            try Data(dump.utf8).write(to: URL(fileURLWithPath: golden))
            return XCTFail("recorded \(golden); run again without RECORD_GOLDENS")
        }
        let expected = (try? String(contentsOfFile: golden, encoding: .utf8)) ?? ""
        if dump != expected {
            XCTFail("the model differs from \(golden):\n" + LineDiff.unified(old: expected, new: dump, oldName: "expected", newName: "model"))
        }
    }
}
