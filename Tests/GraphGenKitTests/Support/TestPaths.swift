import Foundation
import XCTest

/// Where the repository's inputs are, found from this file so tests do not depend on the working folder.
enum TestPaths {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let schema = repoRoot.appendingPathComponent("schemas/intune-apps.yaml").path
    static let seedPages = repoRoot.appendingPathComponent("schemas/intune-apps/pages").path

    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedPages)
        guard let name = names.first(where: { $0.hasPrefix(prefix) }) else { throw XCTSkip("seed \(prefix) missing") }
        return seedPages + "/" + name
    }

    static func fixture(_ relative: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(relative).path
    }

    /// The real Graph pages beside the repository (../shared/corpus); a user's clone does not have them.
    static func corpus() throws -> String {
        let path = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/graph-docs").path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("../shared/corpus is not beside this clone") }
        return path
    }

    /// A fresh temporary folder, removed by the caller's teardown.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("graphgen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
