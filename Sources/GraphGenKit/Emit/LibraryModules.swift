/// How a large library is split into modules, so each compile job is small and they run side by side: a core module
/// (the runtime, every type's declaration, enums, parameters, documented examples) and member modules holding the
/// types' members (model properties, builders' navigations and operations) as extensions, each type's members in one
/// member module chosen by a hash of its name. The module named as the package re-exports them all, so users import
/// one module as before.
///
/// A compiler job holds one module (a release build compiles each module whole): the largest job is bounded by the
/// core and the largest member module instead of the whole library, and a change to one type's members re-emits only
/// its member module's interface.
struct LibraryModules: Sendable, Equatable {
    let umbrella: String
    let core: String
    let members: [String]

    /// Models per member module, about (each brings its builders); a library of fewer than two modules' worth stays
    /// one module.
    static let modelsPerModule = 300
    static let maximumMembers = 12
    /// What a user may ask for: 1 is one module.
    static let allowedMembers = 1...64

    /// The split for a library of `modelCount` models, or nil when it stays one module; `requested` member modules
    /// when given (1 for one module).
    static func split(module: String, modelCount: Int, requested: Int? = nil) -> LibraryModules? {
        let count = requested ?? min(maximumMembers, modelCount / modelsPerModule)
        guard count >= 2 else { return nil }
        return LibraryModules(umbrella: module, core: module + "Core", members: (1...count).map { "\(module)Members\($0)" })
    }

    /// The member module that holds a type's members: the same on every run and machine.
    func members(of typeName: String) -> String {
        var hash = FNV1a()
        hash.add(typeName.utf8)
        return members[Int(hash.value % UInt64(members.count))]
    }
}
