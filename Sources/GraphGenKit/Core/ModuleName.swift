/// A Swift module name: it becomes a folder name in the generated package and `name:` in Package.swift, so it must
/// be an identifier — nothing that could leave the output folder or break the manifest.
public enum ModuleName {
    /// nil when `name` is usable, else why not.
    public static func problem(_ name: String) -> String? {
        guard let first = name.unicodeScalars.first else { return "the module name is empty" }
        let isLetter = { (scalar: Unicode.Scalar) in ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" }
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        guard isLetter(first), name.unicodeScalars.allSatisfy({ isLetter($0) || isDigit($0) }), name.unicodeScalars.count <= 128 else {
            return "the module name '\(name)' is not a Swift identifier (ASCII letters, digits and '_', not starting with a digit)"
        }
        if SwiftKeywords.all.contains(name) {
            return "the module name '\(name)' is a Swift keyword; no source file could import it"
        }
        if name.hasPrefix("_") {
            return "the module name '\(name)' starts with '_', which the toolchain's own modules use (_Concurrency, _StringProcessing); choose another"
        }
        if taken.contains(name) {
            return "the module name '\(name)' is taken by a module the generated package imports or the toolchain ships; choose another"
        }
        return nil
    }

    /// Modules the generated package imports (the toolchain's, its test server's, the package manifest's) and others the
    /// toolchain ships: a module of the same name would shadow or collide with them, and the package would not build.
    static let taken: Set<String> = [
        "Swift", "Foundation", "FoundationNetworking", "FoundationEssentials", "FoundationInternationalization", "FoundationXML",
        "CoreFoundation", "Dispatch", "XCTest", "Testing", "Glibc", "Musl", "Darwin", "WinSDK", "ucrt", "SwiftGlibc", "SwiftShims",
        "Observation", "Synchronization", "RegexBuilder", "Distributed", "Cxx", "CxxStdlib", "PackageDescription", "PackagePlugin",
        "FlyingFox", "FlyingSocks", "os", "Combine", "ObjectiveC",
    ]

    /// A module name made from a file or folder name (`intune-apps.yaml` → `IntuneApps`), or nil if none can be.
    public static func suggested(from name: String) -> String? {
        let base = name.split(separator: "/").last.map { String($0.split(separator: ".").first ?? "") } ?? ""
        let words = base.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let joined = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return problem(joined) == nil ? joined : nil
    }
}
