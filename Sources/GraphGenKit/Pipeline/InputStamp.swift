import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A digest of everything `generate` reads, kept beside the output so that an unchanged run can stop before
/// parsing anything. It is a local cache (it names this machine's generator binary), not part of the output.
public struct InputStamp: Equatable, Sendable {
    public static let fileName = ".graphgen-stamp"

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

    /// True when the folder's stamp has this digest and no file the manifest lists is missing or newer than the stamp.
    public func isCurrent(in folder: String) -> Bool {
        let stampPath = folder + "/" + Self.fileName
        guard !FileManager.default.fileExists(atPath: folder + "/" + OutputWriter.journalName) else { return false }
        guard let written = try? String(contentsOfFile: stampPath, encoding: .utf8), written == digest + "\n",
              let stampTime = Self.modificationTime(stampPath),
              let manifest = try? String(contentsOfFile: folder + "/" + OutputWriter.manifestName, encoding: .utf8)
        else { return false }
        // A file stamped in the same clock tick as the stamp may have been changed after it: only older counts.
        return Self.newestOwnedFile(in: folder, manifest: manifest).map { $0 < stampTime } ?? false
    }

    /// Written after every generate that reached the end, so a run with nothing to change leaves a fresh stamp.
    /// File times come from a coarse clock (a tick is a few milliseconds), so the stamp is written again until its
    /// time is later than every owned file's: then a file edited after the run is never as old as the stamp.
    public func write(in folder: String) {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        let newest = (try? String(contentsOfFile: folder + "/" + OutputWriter.manifestName, encoding: .utf8))
            .flatMap { Self.newestOwnedFile(in: folder, manifest: $0) }
        for attempt in 0..<50 {
            if attempt > 0 { usleep(2_000) }
            guard (try? Data((digest + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)) != nil else { return }
            guard let newest, let stampTime = Self.modificationTime(path), stampTime <= newest else { return }
        }
    }

    /// The latest modification time among the files the manifest lists; nil when one is missing.
    /// One stat per owned file: thousands of them, so no FileManager attribute dictionaries here.
    private static func newestOwnedFile(in folder: String, manifest: String) -> (Int, Int)? {
        var newest = (0, 0)
        for path in manifest.split(separator: "\n") where !path.isEmpty {
            guard let time = modificationTime(folder + "/" + path) else { return nil }
            if newest < time { newest = time }
        }
        return newest
    }

    /// Seconds and nanoseconds, or nil when the file is missing.
    private static func modificationTime(_ path: String) -> (Int, Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        return (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #else
        return (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #endif
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
