/// Maps Graph types to the Swift types the generated package uses.
enum SwiftTypes {
    static func name(of type: GraphType, typeNames: [String: String]) -> String {
        switch type {
        case .primitive(let primitive): primitiveName(primitive)
        case .enumeration(let name), .entity(let name), .complex(let name): typeNames[name] ?? SwiftNames.typeName(name)
        case .collection(let element): "[\(Self.name(of: element, typeNames: typeNames))]"
        }
    }

    static func primitiveName(_ primitive: GraphPrimitive) -> String {
        switch primitive {
        case .string, .guid: "String"
        case .boolean: "Bool"
        case .int16: "Int16"
        case .int32: "Int32"
        case .int64: "Int64"
        case .byte: "UInt8"
        case .sbyte: "Int8"
        case .double: "Double"
        case .single: "Float"
        case .decimal: "Decimal"
        case .dateTimeOffset: "DateTimeOffset"
        case .date: "DateOnly"
        case .timeOfDay: "TimeOfDay"
        case .duration: "Duration"
        case .binary, .stream: "Data"
        case .untyped: "JSONValue"
        // GeoJSON objects, kept as JSON.
        case .geography, .geographyPoint, .geographyLineString, .geographyPolygon, .geographyMultiPoint, .geographyMultiLineString,
             .geographyMultiPolygon, .geographyCollection, .geometry, .geometryPoint, .geometryLineString, .geometryPolygon,
             .geometryMultiPoint, .geometryMultiLineString, .geometryMultiPolygon, .geometryCollection: "JSONValue"
        }
    }

    /// Wire-text types the runtime defines, with what they hold.
    static let textTypes: [(name: String, doc: String)] = [
        ("DateOnly", "An Edm.Date such as `2024-08-01`."),
        ("Duration", "An Edm.Duration in ISO 8601 form such as `PT1H30M`."),
        ("TimeOfDay", "An Edm.TimeOfDay such as `13:45:00.0000000`."),
    ]
}
