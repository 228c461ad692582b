// swift-tools-version:5.9
// An outside package that uses the generated client by path, as an app or service would.
import PackageDescription

let package = Package(
    name: "IntuneAppsConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "IntuneApps", path: "../../Generated"),
    ],
    targets: [
        .target(name: "InstallStatusSync", dependencies: [.product(name: "IntuneApps", package: "IntuneApps")]),
        .testTarget(name: "InstallStatusSyncTests", dependencies: ["InstallStatusSync", .product(name: "IntuneApps", package: "IntuneApps")]),
    ]
)
