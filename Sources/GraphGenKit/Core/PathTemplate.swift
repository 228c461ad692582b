import Foundation

/// A resource path such as `/deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses`.
public struct PathTemplate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Segment: Hashable, Sendable {
        case literal(String)
        case parameter(String)
    }

    public var segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Reads `/a/{b}/c` (and `/a/{b | c}/d`, a key given one of two ways), also the OData key forms `a('{b}')` and `a({b})`; a query string is dropped. A function
    /// call keeps its parentheses in one literal: `f()`, `f(period='{period}')` (named parameters, not a key).
    public init(parsing text: String) {
        let pathOnly = text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var segments: [Segment] = []
        for raw in pathOnly.split(separator: "/") {
            var piece = String(raw)
            // Alternatives for one key: `{id | userPrincipalName}`, `{id}|{userPrincipalName}`: the first one names it.
            if piece.hasPrefix("{"), piece.hasSuffix("}"), let bar = piece.firstIndex(of: "|") {
                piece = "{" + piece[piece.index(after: piece.startIndex)..<bar].trimmingCharacters(in: CharacterSet(charactersIn: "{} ")) + "}"
            }
            if let open = piece.firstIndex(of: "("), piece.hasSuffix(")"), open != piece.startIndex,
               case let inside = piece[piece.index(after: open)..<piece.index(before: piece.endIndex)], !inside.isEmpty, !inside.contains("=") {
                segments.append(.literal(String(piece[..<open])))
                var key = String(piece[piece.index(after: open)..<piece.index(before: piece.endIndex)])
                if let equals = key.firstIndex(of: "=") { key = String(key[key.index(after: equals)...]) }
                key = key.trimmingCharacters(in: CharacterSet(charactersIn: "'{} "))
                segments.append(.parameter(key))
            } else if piece.hasPrefix("{"), piece.hasSuffix("}"), piece.count > 2 {
                segments.append(.parameter(String(piece.dropFirst().dropLast())))
            } else {
                segments.append(.literal(piece))
            }
        }
        self.segments = segments
    }

    public var description: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let name): name
            case .parameter(let name): "{\(name)}"
            }
        }.joined(separator: "/")
    }

    public var parameters: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    /// The path with parameter names blanked, so two pages naming a key differently still match.
    public var shape: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let name): name
            case .parameter: "{}"
            }
        }.joined(separator: "/")
    }

    /// Whether `path` is this template with its parameters filled in (`/shelves/7` for `/shelves/{shelfId}`); a call's
    /// arguments are values too (`cell(row=1,column=2)` for `cell(row={row},column={column})`).
    public func accepts(_ path: PathTemplate) -> Bool {
        guard segments.count == path.segments.count else { return false }
        return zip(segments, path.segments).allSatisfy { template, actual in
            guard case .literal(let name) = template else { return true }
            if actual == .literal(name) { return true }
            guard let open = name.firstIndex(of: "("), name.hasSuffix(")"), case .literal(let written) = actual else { return false }
            return written.hasPrefix(name[...open]) && written.hasSuffix(")")
        }
    }

    public static func < (lhs: PathTemplate, rhs: PathTemplate) -> Bool { lhs.description < rhs.description }
}
