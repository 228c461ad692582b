/// Hands out names unique within one scope: a taken name gets a number (`name2`, or `name_2` with a separator).
struct NameAllocator {
    private var used: Set<String>

    init(reserved: Set<String> = []) {
        used = reserved
    }

    mutating func unique(_ stem: String, separator: String = "") -> String {
        var name = stem
        var counter = 2
        while used.contains(name) {
            name = "\(stem)\(separator)\(counter)"
            counter += 1
        }
        used.insert(name)
        return name
    }
}
