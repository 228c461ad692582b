// swift-tools-version:6.1
// A package whose client is generated at build time by GraphGen's build-tool plugin from its own
// schema and pages (Sources/WidgetClient/graphgen.yaml); nothing generated is checked in.
import PackageDescription

let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "GraphGen", path: "../.."),
    ],
    targets: [
        .target(
            name: "WidgetClient",
            exclude: ["graphgen.yaml", "api"],
            plugins: [.plugin(name: "GraphGenBuildPlugin", package: "GraphGen")]
        ),
        .testTarget(name: "WidgetClientTests", dependencies: ["WidgetClient"]),
    ]
)
