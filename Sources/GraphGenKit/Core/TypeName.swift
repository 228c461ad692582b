/// A schema type name: simple identifiers joined by dots (`mobileApp`, `security.alert`, as OData qualifies names
/// below the namespace). It becomes a Swift type and a file name, so nothing else is accepted.
public enum TypeName {
    /// nil when `name` is usable, else why not.
    public static func problem(_ name: String) -> String? {
        let isLetter = { (scalar: Unicode.Scalar) in ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" }
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        let segments = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = name.unicodeScalars.count <= 256 && segments.allSatisfy { segment in
            guard let first = segment.unicodeScalars.first else { return false }
            return isLetter(first) && segment.unicodeScalars.allSatisfy { isLetter($0) || isDigit($0) }
        }
        return valid ? nil : "the type name '\(name)' is not an identifier (ASCII letters, digits and '_', not starting with a digit; dots only between such names)"
    }
}
