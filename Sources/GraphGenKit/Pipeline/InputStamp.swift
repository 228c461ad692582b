import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A digest of everything `generate` reads, kept beside the output so that an unchanged run can stop before
/// parsing anything. It is a local cache (it names this machine's generator binary), not part of the output.
public struct InputStamp: Equatable, Sendable {
    public static let fileName = OutputWriter.stampName

    public let digest: String

    /// - Parameters:
    ///   - files: every input file: schema, pages, templates (read as bytes, in this order).
    ///   - settings: everything else that shapes the output (module, access level, …).
    public init(files: [String], settings: [String]) {
        var hasher = StampHasher()
        if let binary = Bundle.main.executablePath, let attributes = try? FileManager.default.attributesOfItem(atPath: binary) {
            // A rebuilt or upgraded generator must not trust stamps an older one wrote.
            hasher.add("\(binary)|\(attributes[.size] ?? 0)|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        }
        hasher.add(GraphGenVersion.current)
        for setting in settings { hasher.add(setting) }
        // Files are hashed on every core, then combined in input order.
        let perFile = Parallel.map(files) { file -> String in
            var fileHasher = StampHasher()
            fileHasher.add(file)
            fileHasher.add(FileManager.default.contents(atPath: file) ?? Data("(unreadable)".utf8))
            return fileHasher.hex
        }
        for item in perFile { hasher.add(item) }
        digest = hasher.hex
    }

    /// The stamp of a `generate` run: config, schema, page files and templates, plus the settings that shape the output.
    public static func forGenerate(configFile: String?, schema: String, pages: [String], templatesFolder: String?, settings: [String]) throws -> InputStamp {
        let files = [configFile, schema].compactMap { $0 } + (try ModelLoader.pageFiles(pages)) + (try TemplateLibrary.files(overrides: templatesFolder))
        return InputStamp(files: files, settings: settings + [templatesFolder ?? "-"])
    }

    /// The stamp's text as `OutputWriter.write(stamp:)` stores it.
    public var text: String { digest + "\n" }

    /// True when the folder's stamp has this digest and no file the manifest lists is missing or newer than the stamp.
    /// Everything is read through `ConfinedFolder`: the folder may come from a repository GraphGen does not trust.
    public func isCurrent(in path: String) -> Bool {
        let folder = ConfinedFolder(root: path)
        guard folder.entry(OutputWriter.journalName) == .missing, folder.readText(OutputWriter.stampName) == text,
              let stampTime = folder.modificationTime(OutputWriter.stampName),
              let manifest = folder.readText(OutputWriter.manifestName)
        else { return false }
        // A file stamped in the same clock tick as the stamp may have been changed after it: only older counts.
        var newest = (0, 0)
        for owned in manifest.split(separator: "\n") where !owned.isEmpty {
            guard let time = folder.modificationTime(String(owned)) else { return false }
            if newest < time { newest = time }
        }
        return newest < stampTime
    }
}

/// Two FNV-1a lanes with different bases: 128 bits, so unrelated inputs do not collide.
private struct StampHasher {
    private var first = FNV1a()
    private var second = FNV1a(basis: 0x8422_2325_cbf2_9ce4)

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { buffer in
            first.add(buffer)
            second.add(buffer)
        }
        // The length ends each item, so ("ab", "c") and ("a", "bc") differ.
        let length = withUnsafeBytes(of: UInt64(data.count).littleEndian) { Array($0) }
        first.add(length)
        second.add(length)
    }

    var hex: String { first.hex + second.hex }
}
