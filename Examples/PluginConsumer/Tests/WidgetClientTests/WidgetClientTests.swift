import Foundation
import WidgetClient
import XCTest

final class WidgetClientTests: XCTestCase {
    func testGeneratedClientAnswersFromTheDocumentedExample() async throws {
        let shop = Shop(client: GraphClient(transport: StubTransport()))
        let widget = try await shop.add(name: "Sprocket", color: .red)
        XCTAssertEqual(widget.id, "w1")
        XCTAssertEqual(widget.madeAt?.rawValue, "2024-05-01T10:00:00.1234567+02:00")
    }

    func testUnknownEnumValuesSurvive() throws {
        let widget = try JSONDecoder().decode(Widget.self, from: Data(#"{"color": "ultraviolet"}"#.utf8))
        XCTAssertEqual(widget.color?.rawValue, "ultraviolet")
        XCTAssertFalse(Color.allCases.contains { $0 == widget.color })
        XCTAssertEqual(String(decoding: try JSONEncoder().encode(widget), as: UTF8.self), #"{"color":"ultraviolet"}"#)
    }
}
