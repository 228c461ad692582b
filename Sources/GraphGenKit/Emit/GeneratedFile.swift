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

    public init(module: String, accessLevel: String = "public", runtime: RuntimeFeatures = RuntimeFeatures()) {
        self.module = module
        self.accessLevel = accessLevel
        self.runtime = runtime
    }
}
