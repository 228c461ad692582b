import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

/// File operations on paths relative to a folder that can never leave it. The folder's contents come from a repository
/// GraphGen does not trust, so every path is walked one component at a time from the folder's own descriptor with
/// `O_NOFOLLOW`: a symbolic link anywhere along it is never followed, and only plain files (one link, so no hard
/// link to a file elsewhere) are read or removed.
struct ConfinedFolder {
    let root: String

    /// What a relative path names, seen without following anything.
    enum Entry: Equatable {
        case missing
        case file
        case folder
        /// Anything GraphGen never reads or removes, in words for a message ("a symbolic link", "a FIFO", …).
        case other(String)
    }

    struct Refusal: Error, CustomStringConvertible {
        let path: String
        let reason: String
        /// True when the path would have left the folder through a link (rather than failing for an ordinary reason).
        var throughLink = false
        var description: String { "'\(path)' \(reason)" }
    }

    private static let folderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC

    /// Runs `body` with a descriptor of the folder holding `relative` and its last component; nil when a folder on the
    /// way is missing (and `create` is false). Throws when a component on the way is a link or not a folder.
    private func withParent<T>(of relative: String, create: Bool, _ body: (Int32, String) throws -> T) throws -> T? {
        var segments = relative.split(separator: "/").map(String.init)
        guard let leaf = segments.popLast() else { throw Refusal(path: relative, reason: "is not a file path") }
        var descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor < 0 && errno == ENOENT && create && mkdir(root, 0o755) == 0 {
            descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard descriptor >= 0 else {
            if errno == ENOENT && !create { return nil }
            throw Refusal(path: root, reason: "cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var walked = ""
        for segment in segments {
            walked += walked.isEmpty ? segment : "/" + segment
            var next = openat(descriptor, segment, Self.folderFlags)
            if next < 0 && errno == ENOENT {
                guard create else { return nil }
                if mkdirat(descriptor, segment, 0o755) != 0 && errno != EEXIST {
                    throw Refusal(path: walked, reason: "cannot be created: \(String(cString: strerror(errno)))")
                }
                next = openat(descriptor, segment, Self.folderFlags)
            }
            guard next >= 0 else {
                guard errno == ELOOP || errno == ENOTDIR else {
                    throw Refusal(path: walked, reason: "cannot be opened: \(String(cString: strerror(errno)))")
                }
                let what = describe(at: descriptor, segment) ?? "not a folder"
                throw Refusal(path: walked, reason: "is \(what); GraphGen does not pass through it", throughLink: what == "a symbolic link")
            }
            close(descriptor)
            descriptor = next
        }
        return try body(descriptor, leaf)
    }

    /// Words for anything that is not a plain file, or nil for a plain file with one link.
    private func describe(at descriptor: Int32, _ name: String) -> String? {
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return "unreadable" }
        return Self.describe(status)
    }

    private static func describe(_ status: stat) -> String? {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return status.st_nlink > 1 ? "a hard link shared with another file" : nil
        case S_IFLNK: return "a symbolic link"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a plain file"
        }
    }

    func entry(_ relative: String) -> Entry {
        do {
            return try withParent(of: relative, create: false) { descriptor, leaf -> Entry in
                var status = stat()
                guard fstatat(descriptor, leaf, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return errno == ENOENT ? .missing : .other("unreadable") }
                if status.st_mode & S_IFMT == S_IFDIR { return .folder }
                return Self.describe(status).map(Entry.other) ?? .file
            } ?? .missing
        } catch {
            return .other("inside \((error as? Refusal)?.description ?? "\(error)")")
        }
    }

    /// The bytes of a plain file, or nil when it is missing or anything else (never read through a link, a FIFO or a device).
    func read(_ relative: String) -> Data? {
        try? withParent(of: relative, create: false) { descriptor, leaf -> Data? in
            let file = openat(descriptor, leaf, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard file >= 0 else { return nil }
            defer { close(file) }
            var status = stat()
            guard fstat(file, &status) == 0, Self.describe(status) == nil else { return nil }
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { systemRead(file, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return count == 0 ? data : nil }
                data.append(contentsOf: buffer[0..<count])
            }
        } ?? nil
    }

    func readText(_ relative: String) -> String? { read(relative).flatMap { String(data: $0, encoding: .utf8) } }

    /// The modification time of a plain file (seconds, nanoseconds), or nil.
    func modificationTime(_ relative: String) -> (Int, Int)? {
        try? withParent(of: relative, create: false) { descriptor, leaf -> (Int, Int)? in
            var status = stat()
            guard fstatat(descriptor, leaf, &status, AT_SYMLINK_NOFOLLOW) == 0, Self.describe(status) == nil else { return nil }
            #if canImport(Darwin)
            return (Int(status.st_mtimespec.tv_sec), Int(status.st_mtimespec.tv_nsec))
            #else
            return (Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec))
            #endif
        } ?? nil
    }

    /// Creates a new file (its folders too) holding `contents`. Whatever had the name before is unlinked first, so a
    /// planted link is replaced, never written through.
    func create(_ relative: String, contents: String) throws {
        try withParent(of: relative, create: true) { descriptor, leaf in
            if unlinkat(descriptor, leaf, 0) != 0 && errno != ENOENT {
                throw Refusal(path: relative, reason: "cannot be replaced: \(String(cString: strerror(errno)))")
            }
            let file = openat(descriptor, leaf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard file >= 0 else { throw Refusal(path: relative, reason: "cannot be created: \(String(cString: strerror(errno)))") }
            defer { close(file) }
            var text = contents
            try text.withUTF8 { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(file, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw Refusal(path: relative, reason: "cannot be written: \(String(cString: strerror(errno)))")
                    }
                    offset += written
                }
            }
        }
    }

    /// Moves `from` onto `to` in one step (both in the same folder); a link at `to` is replaced, not followed.
    func rename(_ from: String, to: String) throws {
        try withParent(of: to, create: false) { descriptor, leaf in
            let source = String(from.split(separator: "/").last ?? "")
            guard renameat(descriptor, source, descriptor, leaf) == 0 else {
                throw Refusal(path: to, reason: "cannot be replaced: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes `relative` when it is a plain file; anything else is left alone and described in the refusal.
    func removeFile(_ relative: String) throws {
        try withParent(of: relative, create: false) { descriptor, leaf in
            var status = stat()
            guard fstatat(descriptor, leaf, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return }
            if let other = Self.describe(status) {
                throw Refusal(path: relative, reason: "is \(other); GraphGen removes only files it wrote")
            }
            if unlinkat(descriptor, leaf, 0) != 0 && errno != ENOENT {
                throw Refusal(path: relative, reason: "cannot be removed: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes the folders above `relative` that are left empty, up to the root.
    func removeEmptyParents(of relative: String) {
        var segments = relative.split(separator: "/").dropLast()
        while !segments.isEmpty {
            let removed = (try? withParent(of: segments.joined(separator: "/"), create: false) { descriptor, leaf in
                unlinkat(descriptor, leaf, AT_REMOVEDIR) == 0
            }) ?? nil
            guard removed == true else { return }
            segments = segments.dropLast()
        }
    }
}
