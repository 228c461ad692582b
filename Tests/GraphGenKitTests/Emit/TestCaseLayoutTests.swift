import XCTest
@testable import GraphGenKit

/// Generated tests go in test case classes of at most `testsPerClass` tests, declared at the top of their file.
final class TestCaseLayoutTests: XCTestCase {
    private func group(_ typeName: String, tests count: Int) -> ExampleTestsContext {
        let tests = (0..<count).map { index in
            ExampleTestsContext.Test(functionName: "test_\(typeName)_\(index)", title: "", source: "", body: "", swiftType: typeName, assertions: [])
        }
        return ExampleTestsContext(typeName: typeName, className: "", tests: tests)
    }

    func testTypesShareAClassUntilItIsFullAndALargeTypeIsSplit() {
        let size = TestCaseLayout.testsPerClass
        let groups = [group("Mango", tests: size - 2), group("Melon", tests: 3), group("Mint", tests: 2 * size + 1), group("Pear", tests: 1)]
        let files = SharedFileLayout(typeNames: groups.map(\.typeName))
        let layout = TestCaseLayout.place(groups, kind: "ExampleTests", folder: "Tests", files: files, doc: "Doc.")

        // Melon does not fit beside Mango, so it starts a class; Mint fills it and two more.
        XCTAssertEqual(layout.groups.map { "\($0.typeName) \($0.className) \($0.tests.count)" }, [
            "Mango ExampleTestsM1 \(size - 2)", "Melon ExampleTestsM2 3", "Mint ExampleTestsM3 \(size)",
            "Mint ExampleTestsM4 \(size)", "Mint ExampleTestsM5 1", "Pear ExampleTestsP1 1",
        ])
        XCTAssertEqual(layout.groups.filter { $0.typeName == "Mint" }.flatMap(\.tests).map(\.functionName),
                       (0..<(2 * size + 1)).map { "test_Mint_\($0)" }, "a split type keeps every test, in order")
        XCTAssertEqual(layout.tops["Tests/ExampleTests+M.swift"]?.testCases, ["ExampleTestsM1", "ExampleTestsM2", "ExampleTestsM3", "ExampleTestsM4", "ExampleTestsM5"])
        XCTAssertEqual(layout.tops["Tests/ExampleTests+P.swift"]?.testCases, ["ExampleTestsP1"])
        XCTAssertEqual(layout.tops["Tests/ExampleTests+P.swift"]?.testCasesDoc, "Doc.")
        XCTAssertTrue(layout.groups.allSatisfy { $0.tests.count <= size })
    }
}
