// The fuzz harness. Built normally, it replays input files through one reader:
//     graphgen-fuzz <kind> FILE…        (kinds: markdown, text, schema, config, json, csdl, stub)
// Built with `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address` (see Fuzz/run.sh), it is a libFuzzer
// binary whose reader is chosen by GRAPHGEN_FUZZ_KIND.
import Foundation
import GraphGenKit

#if FUZZING
private let kind: InputKind = {
    guard let name = ProcessInfo.processInfo.environment["GRAPHGEN_FUZZ_KIND"], let kind = InputKind(rawValue: name) else {
        FileHandle.standardError.write(Data("set GRAPHGEN_FUZZ_KIND to one of: \(InputKind.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return kind
}()

/// libFuzzer's driver, run from this target's entry point (SwiftPM names an executable's entry `<module>_main`).
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("graphgen_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var values = argv
    return runFuzzerDriver(&count, &values) { data, size in
        guard let data else { return 0 }
        try? kind.read(Data(bytes: data, count: size))
        return 0
    }
}
#else
@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let kind = InputKind(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: graphgen-fuzz <\(InputKind.allCases.map(\.rawValue).joined(separator: "|"))> FILE…\n".utf8))
            exit(2)
        }
        for file in arguments.dropFirst() {
            let bytes = FileManager.default.contents(atPath: file) ?? Data()
            do {
                try kind.read(bytes)
                print("\(file): read")
            } catch {
                print("\(file): rejected: \(String(describing: error).prefix(200))")
            }
        }
    }
}
#endif
