/// How a large library is split into modules, so each compile job is small and they run side by side. Layers, each
/// using only those before it:
/// 1. the core: the runtime, the models' family protocols, the derivation table;
/// 2. type modules: models', enums' and builders' declarations, each type in the one its name hashes to (a
///    declaration names nothing but the core, so these build in parallel); in a smaller split the core declares them;
///    and the examples module: the documented example responses the stub transport answers with, which use only the
///    core and only the package's module uses, so it builds beside every layer above the core;
/// 3. parameters modules: actions' and functions' parameters (they hold models and enums), each type in the one its
///    name hashes to; with no type modules, the core declares them too;
/// 4. member modules: model properties and builders' navigations and operations, as extensions, each type's in the
///    one its name hashes to;
/// 5. the module named as the package: the client's roots, and every module re-exported, so users import one
///    module as before.
///
/// A release build compiles each module whole in one job: the largest job is bounded by the largest module instead
/// of the whole library, and a change to one type's members re-emits only its member module's interface.
struct LibraryModules: Sendable, Equatable {
    let umbrella: String
    let core: String
    let examples: String
    let types: [String]
    let parameters: [String]
    let members: [String]

    /// Models per member module, about; a library of fewer than two modules' worth stays one module. There is one
    /// type module and one parameters module per three member modules, when that makes two or more: so split, whole
    /// v1.0 built in release in 450 s against 438 s with one of each per member module, but in debug in 162 s
    /// against 199 s (every module has jobs of its own).
    static let modelsPerModule = 300
    static let maximumMembers = 12
    /// What a user may ask for: 1 is one module.
    static let allowedMembers = 1...64

    /// The split for a library of `modelCount` models, or nil when it stays one module; `requested` member modules
    /// when given (1 for one module).
    static func split(module: String, modelCount: Int, requested: Int? = nil) -> LibraryModules? {
        let count = requested ?? min(maximumMembers, modelCount / modelsPerModule)
        guard count >= 2 else { return nil }
        // Below two type modules the core declares the types and parameters itself: a layer of one module would
        // only make the others wait for it (N=1000 in debug, built alternately: 89 s with it, 76 s without).
        let declarations = (count + 2) / 3 >= 2 ? (count + 2) / 3 : 0
        return LibraryModules(umbrella: module, core: module + "Core", examples: module + "Examples", types: (0..<declarations).map { "\(module)Types\($0 + 1)" },
                              parameters: (0..<declarations).map { "\(module)Parameters\($0 + 1)" }, members: (1...count).map { "\(module)Members\($0)" })
    }

    /// The type module that declares a type: the same on every run and machine.
    func types(of typeName: String) -> String { types.isEmpty ? core : types[Self.bucket(typeName, count: types.count)] }

    /// The parameters module that declares a call's parameters type.
    func parameters(of typeName: String) -> String {
        parameters.isEmpty ? core : parameters[Self.bucket(typeName, count: parameters.count)]
    }

    /// The member module that holds a type's members: the same on every run and machine.
    func members(of typeName: String) -> String { members[Self.bucket(typeName, count: members.count)] }

    /// The modules by layer, in build order: a module uses only the layers before its own, and the examples module
    /// only the core.
    var layers: [[String]] { [[core], types + [examples], parameters, members, [umbrella]].filter { !$0.isEmpty } }

    /// The modules a module's files import: every layer before its own but the examples module, which only the core
    /// is below and only the package's module is above (so no other module waits for it).
    func imports(of module: String) -> [String] {
        if module == examples { return [core] }
        return layers.prefix(while: { !$0.contains(module) }).joined().filter { $0 != examples || module == umbrella }
    }

    private static func bucket(_ typeName: String, count: Int) -> Int {
        var hash = FNV1a()
        hash.add(typeName.utf8)
        return Int(hash.value % UInt64(count))
    }
}
