// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "GraphGen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "graphgen", targets: ["graphgen"]),
        .executable(name: "graphgen-stub", targets: ["graphgen-stub"]),
        .library(name: "GraphGenKit", targets: ["GraphGenKit"]),
        .plugin(name: "GraphGenBuildPlugin", targets: ["GraphGenBuildPlugin"]),
        .plugin(name: "GraphGenCommandPlugin", targets: ["GraphGenCommandPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // Only graphgen-stub uses it; packages that use the plugins never compile it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        // Hummingbird's own transport; named so graphgen-stub can put a guard in front of its HTTP decoder.
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        .target(
            name: "GraphGenTemplates",
            path: "templates",
            resources: [.copy("swift")]
        ),
        .target(
            name: "GraphGenKit",
            dependencies: [
                "CYAML",
                "GraphGenTemplates",
                "CCmarkGFM",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // What graphgen and graphgen-stub share on the command line: input options, printing diagnostics.
        .target(
            name: "GraphGenCommandLine",
            dependencies: [
                "GraphGenKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "graphgen",
            dependencies: [
                "GraphGenKit",
                "GraphGenCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "graphgen-stub",
            dependencies: [
                "GraphGenKit",
                "GraphGenCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Not a product: the fuzz harness (Fuzz/run.sh builds it with libFuzzer), or a replayer when built normally.
        .executableTarget(
            name: "graphgen-fuzz",
            dependencies: ["GraphGenKit"]
        ),
        .plugin(
            name: "GraphGenBuildPlugin",
            capability: .buildTool(),
            dependencies: ["graphgen"]
        ),
        .plugin(
            name: "GraphGenCommandPlugin",
            capability: .command(
                intent: .custom(verb: "graphgen-generate", description: "Regenerate the checked-in output from graphgen.yaml"),
                permissions: [.writeToPackageDirectory(reason: "GraphGen writes the generated package named in graphgen.yaml")]
            ),
            dependencies: ["graphgen"]
        ),
        .testTarget(
            name: "GraphGenKitTests",
            dependencies: ["GraphGenKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GraphGenCLITests",
            dependencies: ["graphgen", "graphgen-stub"]
        ),
    ]
)
