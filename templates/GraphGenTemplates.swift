import Foundation

/// The built-in templates, shipped as this target's resources so the generator finds them from any working folder.
public enum GraphGenTemplates {
    /// The folder holding the built-in `*.mustache` files, or nil if the resource bundle is missing.
    public static var folder: URL? {
        Bundle.module.url(forResource: "swift", withExtension: nil)
    }
}
