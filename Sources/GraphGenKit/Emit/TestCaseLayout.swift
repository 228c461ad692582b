/// A type's generated tests, which `TestCaseLayout` files under a test case class.
protocol TestCaseGroup: TemplateContext {
    associatedtype Test
    var typeName: String { get }
    /// The test case class these tests extend.
    var className: String { get set }
    var tests: [Test] { get set }
}

/// Puts generated tests in test case classes of bounded size, declared at the top of their shared file.
///
/// On Linux, SwiftPM lists every test in generated source: one array literal of `(name, method)` pairs per class and
/// one of all classes. Type-checking either grows much faster than its length (10 classes of 400 tests: 167 s; 2,000
/// classes of 2: 9 s and 3.7 GB, against 2 s and 0.4 GB for 500 classes of 8), so classes hold a few tests each and
/// their number grows only with the number of tests.
enum TestCaseLayout {
    static let testsPerClass = 12

    /// The groups, split where one holds more tests than a class may, each with its class; and the top of each
    /// shared file, declaring its classes. Groups keep their order; a group that fits in no class's remaining room
    /// starts a new class.
    static func place<Group: TestCaseGroup>(_ groups: [Group], kind: String, folder: String, files: SharedFileLayout,
                                            doc: String) -> (groups: [Group], tops: [String: FileTopContext]) {
        var placed: [Group] = []
        var classesOfFile: [String: [String]] = [:]
        var room: [String: Int] = [:]
        for group in groups {
            let file = files.path(folder: folder, kind: kind, typeName: group.typeName)
            var start = 0
            while start < group.tests.count {
                let count = min(group.tests.count - start, testsPerClass)
                if room[file, default: 0] < count {
                    var classes = classesOfFile[file, default: []]
                    classes.append(files.testCase(kind: kind, typeName: group.typeName) + "\(classes.count + 1)")
                    classesOfFile[file] = classes
                    room[file] = testsPerClass
                }
                var part = group
                part.tests = Array(group.tests[start..<(start + count)])
                part.className = classesOfFile[file]?.last ?? ""
                placed.append(part)
                room[file, default: 0] -= count
                start += count
            }
        }
        return (placed, classesOfFile.mapValues { FileTopContext.tests(declaring: $0, doc) })
    }
}
