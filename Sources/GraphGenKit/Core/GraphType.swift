/// The Graph (OData) primitive types a schema may name.
public enum GraphPrimitive: String, Sendable, CaseIterable, Hashable {
    case string = "String", boolean = "Boolean", int32 = "Int32", int64 = "Int64", double = "Double"
    case single = "Single", decimal = "Decimal", guid = "Guid", date = "Date", timeOfDay = "TimeOfDay"
    case duration = "Duration", dateTimeOffset = "DateTimeOffset", binary = "Binary", byte = "Byte"
    case int16 = "Int16", sbyte = "SByte", stream = "Stream"
    /// Any JSON value.
    case untyped = "Untyped"
    /// Spatial values, written as GeoJSON objects.
    case geography = "Geography", geographyPoint = "GeographyPoint", geographyLineString = "GeographyLineString"
    case geographyPolygon = "GeographyPolygon", geographyMultiPoint = "GeographyMultiPoint"
    case geographyMultiLineString = "GeographyMultiLineString", geographyMultiPolygon = "GeographyMultiPolygon"
    case geographyCollection = "GeographyCollection"
    case geometry = "Geometry", geometryPoint = "GeometryPoint", geometryLineString = "GeometryLineString"
    case geometryPolygon = "GeometryPolygon", geometryMultiPoint = "GeometryMultiPoint"
    case geometryMultiLineString = "GeometryMultiLineString", geometryMultiPolygon = "GeometryMultiPolygon"
    case geometryCollection = "GeometryCollection"

    /// A GeoJSON value (a Geography or Geometry type).
    public var isSpatial: Bool { rawValue.hasPrefix("Geography") || rawValue.hasPrefix("Geometry") }

    /// Accepts `Int32` and `Edm.Int32`.
    public init?(name: String) {
        let bare = name.hasPrefix("Edm.") ? name.dropFirst(4) : name[...]
        guard let match = Self.byLowercasedName[bare.lowercased()] else { return nil }
        self = match
    }

    private static let byLowercasedName = Dictionary(allCases.map { ($0.rawValue.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
}

/// A resolved type in the model.
public indirect enum GraphType: Hashable, Sendable, CustomStringConvertible {
    case primitive(GraphPrimitive)
    case enumeration(String)
    case entity(String)
    case complex(String)
    case collection(GraphType)

    /// The schema spelling: `Int32`, `resultantAppState`, `Collection(String)`.
    public var description: String {
        switch self {
        case .primitive(let primitive): primitive.rawValue
        case .enumeration(let name), .entity(let name), .complex(let name): name
        case .collection(let element): "Collection(\(element))"
        }
    }

    public var element: GraphType {
        if case .collection(let element) = self { return element.element }
        return self
    }

    public var isCollection: Bool {
        if case .collection = self { return true }
        return false
    }
}

/// A type as written in the schema, before names are resolved.
public enum TypeSpelling {
    /// Splits `Collection(T)` layers off a spelling.
    public static func parse(_ text: String) -> (name: String, collectionDepth: Int) {
        var name = text.trimmed
        var depth = 0
        while name.hasPrefix("Collection("), name.hasSuffix(")") {
            name = String(name.dropFirst("Collection(".count).dropLast()).trimmed
            depth += 1
        }
        return (name, depth)
    }
}

/// What a structured type is: an entity (it has a key and may be addressed) or a complex type (a value inside one).
public enum StructuredTypeKind: String, Sendable {
    case entity, complex
}

/// A bound OData action (POST, parameters in a JSON body) or function (GET, parameters in the path).
public enum CallKind: String, Sendable {
    case action, function
}
