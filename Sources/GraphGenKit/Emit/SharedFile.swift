/// Where declarations go: one shared file per kind and initial letter.
enum SharedFile {
    /// The shared file a type's declaration goes in: one per kind and initial letter (`Models/Models+M.swift`).
    /// Fewer, larger files build much faster than one file per type (every compile job reads every file of the
    /// module), and a type stays in the same file as others come and go.
    static func path(folder: String, kind: String, typeName: String) -> String {
        "\(folder)/\(kind)+\(initial(of: typeName)).swift"
    }

    /// The stem of a shared test file's test case classes (`ExampleTestsM` for `ExampleTests+M.swift`).
    static func testCase(kind: String, typeName: String) -> String {
        kind + initial(of: typeName)
    }

    private static func initial(of typeName: String) -> String {
        typeName.unicodeScalars.first.map { $0.isASCII && $0.properties.isAlphabetic ? String($0).uppercased() : "_" } ?? "_"
    }
}
