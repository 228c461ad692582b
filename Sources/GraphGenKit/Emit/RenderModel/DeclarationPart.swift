/// Which part of a type's declaration a render writes: all of it in one module, or, in a split library
/// (`LibraryModules`), its declaration in a type module, a model's family protocol in the core and its members, as
/// an extension, in a member module.
enum DeclarationPart: Sendable {
    case whole, declaration, family, members

    var declaresType: Bool { self == .whole || self == .declaration }
    var declaresFamily: Bool { self == .whole || self == .family }
    var definesMembers: Bool { self == .whole || self == .members }
    /// The members go in an extension of a type declared in another module.
    var isSplit: Bool { self != .whole }
}
