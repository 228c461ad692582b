import Foundation

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
        for file in files {
            hasher.add(file)
            hasher.add(FileManager.default.contents(atPath: file) ?? Data("(unreadable)".utf8))
        }
        digest = hasher.hex
    }

    /// True when the folder's stamp has this digest and no file the manifest lists is missing or newer than the stamp.
    public func isCurrent(in folder: String) -> Bool {
        let manager = FileManager.default
        let stampPath = (folder as NSString).appendingPathComponent(Self.fileName)
        guard let written = try? String(contentsOfFile: stampPath, encoding: .utf8), written == digest + "\n",
              let stampTime = Self.modificationTime(stampPath),
              let manifest = try? String(contentsOfFile: (folder as NSString).appendingPathComponent(OutputWriter.manifestName), encoding: .utf8)
        else { return false }
        for path in manifest.split(separator: "\n") where !path.isEmpty {
            let full = (folder as NSString).appendingPathComponent(String(path))
            guard manager.fileExists(atPath: full), let time = Self.modificationTime(full), time <= stampTime else { return false }
        }
        return true
    }

    /// Written after every generate that reached the end, so a run with nothing to change leaves a fresh stamp.
    public func write(in folder: String) {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        try? Data((digest + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func modificationTime(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}

/// Two independent 64-bit FNV-1a lanes: cheap, deterministic, and wide enough that unrelated inputs do not collide.
private struct StampHasher {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    mutating func add(_ data: Data) {
        var first = self.first, second = self.second
        data.withUnsafeBytes { buffer in
            for byte in buffer {
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 1
            }
        }
        // The length ends each item, so ("ab", "c") and ("a", "bc") differ.
        first = (first ^ UInt64(data.count)) &* 0x0000_0100_0000_01b3
        second = (second ^ UInt64(truncatingIfNeeded: data.count &* 31)) &* 0x0000_0100_0000_01b3
        self.first = first
        self.second = second
    }

    var hex: String { [first, second].map { String(format: "%016llx", $0) }.joined() }
}
