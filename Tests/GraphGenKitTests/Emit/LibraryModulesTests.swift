import XCTest
@testable import GraphGenKit

final class LibraryModulesTests: XCTestCase {
    func testASmallLibraryStaysOneModuleUnlessASplitIsAsked() throws {
        XCTAssertNil(LibraryModules.split(module: "X", modelCount: 599))
        XCTAssertNil(LibraryModules.split(module: "X", modelCount: 5000, requested: 1))
        XCTAssertEqual(LibraryModules.split(module: "X", modelCount: 600)?.members, ["XMembers1", "XMembers2"])
        XCTAssertEqual(LibraryModules.split(module: "X", modelCount: 100_000)?.members.count, LibraryModules.maximumMembers)
        XCTAssertEqual(LibraryModules.split(module: "X", modelCount: 10, requested: 7)?.types, ["XTypes1", "XTypes2", "XTypes3"],
                       "one type module per three member modules")
        XCTAssertEqual(LibraryModules.split(module: "X", modelCount: 10, requested: 7)?.parameters, ["XParameters1", "XParameters2", "XParameters3"])
    }

    /// Below two type modules, the core declares the types and parameters.
    func testASmallSplitDeclaresItsTypesInTheCore() throws {
        let modules = try XCTUnwrap(LibraryModules.split(module: "X", modelCount: 1000))
        XCTAssertEqual(modules.layers, [["XCore"], ["XExamples"], ["XMembers1", "XMembers2", "XMembers3"], ["X"]])
        XCTAssertEqual(modules.types(of: "User"), "XCore")
        XCTAssertEqual(modules.parameters(of: "UserAssignLicenseParameters"), "XCore")
        XCTAssertEqual(modules.imports(of: "XMembers2"), ["XCore"], "no member module waits for the examples")
        XCTAssertEqual(modules.imports(of: "XExamples"), ["XCore"])
        XCTAssertEqual(modules.imports(of: "X"), ["XCore", "XExamples", "XMembers1", "XMembers2", "XMembers3"])
    }

    /// Each module uses only the layers before its own, so the modules of one layer build side by side.
    func testEachModuleImportsTheLayersBeforeItsOwn() throws {
        let modules = try XCTUnwrap(LibraryModules.split(module: "X", modelCount: 10, requested: 4))
        XCTAssertEqual(modules.layers, [["XCore"], ["XTypes1", "XTypes2", "XExamples"], ["XParameters1", "XParameters2"],
                                        ["XMembers1", "XMembers2", "XMembers3", "XMembers4"], ["X"]])
        XCTAssertEqual(modules.imports(of: "XCore"), [])
        XCTAssertEqual(modules.imports(of: "XTypes2"), ["XCore"])
        XCTAssertEqual(modules.imports(of: "XExamples"), ["XCore"], "the documented examples use only the runtime")
        XCTAssertEqual(modules.imports(of: "XParameters1"), ["XCore", "XTypes1", "XTypes2"])
        XCTAssertEqual(modules.imports(of: "XMembers1"), ["XCore", "XTypes1", "XTypes2", "XParameters1", "XParameters2"])
        XCTAssertEqual(modules.imports(of: "X"), ["XCore", "XTypes1", "XTypes2", "XExamples", "XParameters1", "XParameters2",
                                                  "XMembers1", "XMembers2", "XMembers3", "XMembers4"])
    }

    /// A type's module depends on its name alone, through a hash that is the same on every run and machine (Swift's
    /// own hashing is seeded per process): these names' modules are pinned.
    func testATypesModuleFollowsItsNameAlone() throws {
        let modules = try XCTUnwrap(LibraryModules.split(module: "X", modelCount: 10, requested: 16))
        let names = (0..<200).map { "Type\($0)" }
        XCTAssertEqual(Set(names.map(modules.types(of:))).count, 6, "every type module is used")
        XCTAssertEqual(Set(names.map(modules.parameters(of:))).count, 6, "every parameters module is used")
        XCTAssertEqual(Set(names.map(modules.members(of:))).count, 16, "every member module is used")
        let pinned = ["User", "Team", "Site", "Event"]
        XCTAssertEqual(pinned.map(modules.types(of:)), ["XTypes1", "XTypes5", "XTypes5", "XTypes2"])
        XCTAssertEqual(pinned.map(modules.members(of:)), ["XMembers3", "XMembers13", "XMembers15", "XMembers16"])
    }
}
