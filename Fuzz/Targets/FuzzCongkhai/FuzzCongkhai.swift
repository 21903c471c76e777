// The libFuzzer executable: one binary for every target, chosen by CONGKHAI_FUZZ_TARGET (csv,
// front-matter, yaml, …: the names of FuzzTargets.all), so that scripts/fuzz compiles the
// instrumented library once. Built with -sanitize=fuzzer,address by scripts/fuzz.
#if CONGKHAI_FUZZING
import CongkhaiFuzz
import Foundation

let target: @Sendable (UnsafeBufferPointer<UInt8>) -> Void = {
    let name = ProcessInfo.processInfo.environment["CONGKHAI_FUZZ_TARGET"] ?? ""
    guard let found = FuzzTargets.all.first(where: { $0.name == name }) else {
        let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(Data("set CONGKHAI_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    return found.run
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target(UnsafeBufferPointer(start: data, count: size))
    return 0
}
#else
import Foundation

@main enum Main {
    static func main() {
        FileHandle.standardError.write(
            Data("this is the libFuzzer target: run scripts/fuzz [SECONDS] [TARGET...]\n".utf8))
        exit(2)
    }
}
#endif
