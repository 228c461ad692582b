// swift-tools-version:5.9
// Drives a generated client against graphgen-stub with faults on; run.sh builds and runs it.
import PackageDescription

let package = Package(
    name: "GraphLoad",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "NotesClient", path: "Client"),
    ],
    targets: [
        .executableTarget(name: "GraphLoad", dependencies: [.product(name: "NotesClient", package: "NotesClient")]),
        // README's "Production use" examples (written by .ci/readme-examples), compiled with the load example.
        .target(name: "ReadmeExamples", dependencies: [.product(name: "NotesClient", package: "NotesClient")]),
    ]
)
