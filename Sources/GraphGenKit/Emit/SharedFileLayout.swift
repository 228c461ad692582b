/// Where declarations go: shared files per kind and initial letter (`Models/Models+M.swift`), a large letter's
/// types split over numbered parts (`RequestBuilders+D.swift`, `RequestBuilders+D2.swift`, …).
///
/// Fewer, larger files build much faster than one file per type (every compile job reads every file of the module),
/// but a change recompiles the whole file it touches. So a letter of more than `splitAbove` types is cut, in name
/// order, before each type whose name's hash is a multiple of `typesPerPart` (about that many types to a part, and
/// never more than `maximumPart`). A cut depends on its own name only, so a type stays in its file as others come and
/// go; a new type whose name makes a cut numbers the letter's later parts one higher.
struct SharedFileLayout {
    static let splitAbove = 96
    static let typesPerPart = 48
    static let maximumPart = 4 * typesPerPart

    /// The part of each type name in a split letter (2, 3, …); a name absent is in its letter's first part.
    private let parts: [String: Int]

    init(typeNames: some Sequence<String>) {
        var parts: [String: Int] = [:]
        for group in Dictionary(grouping: Set(typeNames), by: Self.initial).values where group.count > Self.splitAbove {
            var part = 1, size = 0
            for name in group.sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }) {
                if size > 0 && (Self.cutsBefore(name) || size == Self.maximumPart) {
                    part += 1
                    size = 0
                }
                size += 1
                if part > 1 { parts[name] = part }
            }
        }
        self.parts = parts
    }

    /// The shared file a type's declaration goes in.
    func path(folder: String, kind: String, typeName: String) -> String {
        "\(folder)/\(kind)+\(Self.initial(typeName))\(parts[typeName].map(String.init) ?? "").swift"
    }

    /// The stem of a shared test file's test case classes, to which each class adds its number: `ExampleTestsM`
    /// for `ExampleTests+M.swift`, `ExampleTestsM2_` for `ExampleTests+M2.swift` (the `_` keeps part 2's class 1
    /// apart from part 21's).
    func testCase(kind: String, typeName: String) -> String {
        kind + Self.initial(typeName) + (parts[typeName].map { "\($0)_" } ?? "")
    }

    private static func cutsBefore(_ name: String) -> Bool {
        var hash = FNV1a()
        hash.add(name.utf8)
        return hash.value % UInt64(typesPerPart) == 0
    }

    /// Uppercased, so no two files differ by case alone; anything but an ASCII letter is `_`.
    private static func initial(_ typeName: String) -> String {
        typeName.unicodeScalars.first.map { $0.isASCII && $0.properties.isAlphabetic ? String($0).uppercased() : "_" } ?? "_"
    }
}
