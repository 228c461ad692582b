/// One output file: its path relative to the output folder, and its full text.
public struct GeneratedFile: Sendable, Hashable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

public struct EmitOptions: Sendable {
    public var module: String
    public var accessLevel: String
    public var runtime: RuntimeFeatures
    /// How many modules hold the types' members (`LibraryModules`): nil to choose by the library's size, 1 for one
    /// module. A library whose declarations are internal is one module (its modules could not see each other).
    public var memberModules: Int?

    public init(module: String, accessLevel: String = "public", runtime: RuntimeFeatures = RuntimeFeatures(), memberModules: Int? = nil) {
        self.module = module
        self.accessLevel = accessLevel
        self.runtime = runtime
        self.memberModules = memberModules
    }
}
