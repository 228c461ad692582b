/// A path pattern for trimming an import: `/deviceAppManagement/**`, `/users/{id}/messages`, `/me/*/items`.
/// `**` matches any number of segments, `*` one segment, `{…}` one key segment; other segments match by name.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Hashable {
        case name(String), key, any, anyDepth
    }

    let segments: [Segment]
    public let description: String

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: true)
        guard text.hasPrefix("/"), !parts.isEmpty else { return nil }
        segments = parts.map { part in
            switch part {
            case "**": .anyDepth
            case "*": .any
            default: part.hasPrefix("{") && part.hasSuffix("}") ? .key : .name(String(part))
            }
        }
        description = text
    }

    /// The positions in the pattern reached after some path; empty when the path can no longer match.
    struct State: Hashable {
        var positions: Set<Int>
        var isEmpty: Bool { positions.isEmpty }
    }

    var start: State { closed(State(positions: [0])) }

    /// Adds the positions `**` may skip to.
    private func closed(_ state: State) -> State {
        var positions = state.positions
        var pending = Array(positions)
        while let position = pending.popLast() {
            if position < segments.count, segments[position] == .anyDepth, positions.insert(position + 1).inserted {
                pending.append(position + 1)
            }
        }
        return State(positions: positions)
    }

    /// The state after one more path segment: a navigation name, or a key when `isKey`.
    func step(_ state: State, _ segment: String, isKey: Bool) -> State {
        var next: Set<Int> = []
        for position in state.positions where position < segments.count {
            switch segments[position] {
            case .anyDepth: next.insert(position)
            case .any: next.insert(position + 1)
            case .key: if isKey { next.insert(position + 1) }
            case .name(let name): if !isKey && name == segment { next.insert(position + 1) }
            }
        }
        return closed(State(positions: next))
    }

    /// True when the path that led to `state` matches the whole pattern.
    func matches(_ state: State) -> Bool { state.positions.contains(segments.count) }
}
