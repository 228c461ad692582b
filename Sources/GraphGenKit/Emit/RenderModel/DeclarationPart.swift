/// Which part of a type's declaration a render writes: all of it in one module, or, in a split library
/// (`LibraryModules`), its declaration in the core module and its members, as an extension, in a member module.
enum DeclarationPart: Sendable {
    case whole, declaration, members

    var declares: Bool { self != .members }
    var definesMembers: Bool { self != .declaration }
    /// The members go in an extension of a type declared in another module.
    var isSplit: Bool { self != .whole }
}
