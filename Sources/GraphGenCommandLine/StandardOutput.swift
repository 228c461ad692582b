/// Standard output as a stream that reports can be written to piece by piece (`print` buffers it).
public struct StandardOutput: TextOutputStream {
    public init() {}

    public mutating func write(_ text: String) {
        print(text, terminator: "")
    }
}
