/// The generator's version: `graphgen --version` and the SARIF driver report it.
public enum GraphGenVersion {
    public static let current = "0.1.0"
}
