import Foundation
import XCTest
@testable import GraphGenKit

/// Compares generated files byte for byte with a folder of expected files.
/// `RECORD_GOLDENS=1 swift test` rewrites the expected files and still fails, so a recording run never passes.
enum GoldenFiles {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    static func assertMatches(_ files: [GeneratedFile], expectedFolder: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let writer = OutputWriter(folder: expectedFolder, files: files)
        if recording {
            try writer.write()
            XCTFail("recorded \(files.count) golden files into \(expectedFolder); run again without RECORD_GOLDENS", file: file, line: line)
            return
        }
        let plan = writer.plan()
        if !plan.isEmpty {
            XCTFail("""
            generated output differs from \(expectedFolder) (\(plan.added.count) missing, \(plan.changed.count) changed, \(plan.removed.count) no longer generated):
            \(writer.diff())
            To re-record: RECORD_GOLDENS=1 swift test --filter \(String(describing: file).split(separator: "/").last ?? "")
            """, file: file, line: line)
        }
    }
}
