#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Regular files below a folder, as paths relative to it, read with readdir: page folders hold thousands of
/// files, and Foundation's enumerator spends more on bridging than the file system does. Symbolic links to
/// folders are not followed, so a link cycle cannot loop.
enum DirectoryWalk {
    static func files(in folder: String) -> [String] {
        var result: [String] = []
        walk(folder, relative: "", into: &result)
        return result
    }

    private static func walk(_ folder: String, relative: String, into result: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            switch kind(of: entry, path: path) {
            case .directory: walk(path, relative: relativePath, into: &result)
            case .file: result.append(relativePath)
            case .other: break
            }
        }
    }

    private enum Kind { case file, directory, other }

    private static func kind(of entry: UnsafeMutablePointer<dirent>, path: String) -> Kind {
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .directory
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            var info = stat()
            guard stat(path, &info) == 0 else { return .other }
            let type = info.st_mode & S_IFMT
            if type == S_IFREG { return .file }
            // A directory is entered only when readdir says so itself, never through a link.
            return Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) && type == S_IFDIR ? .directory : .other
        default: return .other
        }
    }
}
