import XCTest
@testable import GraphGenKit

final class ParallelTests: XCTestCase {
    func testMapKeepsInputOrder() {
        let items = Array(0..<500)
        XCTAssertEqual(Parallel.map(items) { $0 * 3 }, items.map { $0 * 3 })
        XCTAssertEqual(Parallel.map([7]) { $0 + 1 }, [8])
        XCTAssertEqual(Parallel.map([Int]()) { $0 }, [])
    }

    func testPairReturnsBothResults() {
        let (sum, text) = Parallel.pair({ Parallel.map(Array(1...100)) { $0 }.reduce(0, +) }, background: { String(repeating: "a", count: 3) })
        XCTAssertEqual(sum, 5050)
        XCTAssertEqual(text, "aaa")
    }

    func testPairRethrowsTheForegroundErrorOnceTheBackgroundHasFinished() {
        struct Failure: Error {}
        let finished = Flag()
        XCTAssertThrowsError(try Parallel.pair({ () throws -> Int in throw Failure() }, background: { () -> Int in
            Thread.sleep(forTimeInterval: 0.05)
            finished.set()
            return 1
        })) { error in
            XCTAssertTrue(error is Failure)
        }
        XCTAssertTrue(finished.isSet, "pair returned before its background work finished")
    }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
