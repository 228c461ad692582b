import Foundation

/// Hand-written code next to the generated client: it uses the generated types like any other.
public struct Shop: Sendable {
    public let client: GraphClient

    public init(client: GraphClient) {
        self.client = client
    }

    /// Adds a widget and returns it as the service stored it.
    public func add(name: String, color: Color) async throws -> Widget {
        try await client.shop.widgets.post(Widget {
            $0.name = name
            $0.color = color
        })
    }
}
