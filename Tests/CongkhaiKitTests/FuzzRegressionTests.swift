import CongkhaiFuzz
import Foundation
import Testing

/// Every input of the seed corpora (Fuzz/Corpus/<target>/) and every crash the fuzzers found
/// (Fuzz/Regressions/<target>/), replayed through the fuzz targets' bodies: each must pass their
/// checks without trapping. A crash that scripts/fuzz finds is saved in Fuzz/Regressions/ with
/// its fix, so it stays fixed.
@Suite struct FuzzRegressionTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func inputs(_ kind: String, _ target: String) -> [URL] {
        let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map {
            folder.appendingPathComponent($0)
        }
    }

    @Test(arguments: FuzzTargets.all.map(\.name))
    func everySeedAndSavedCrashPasses(_ name: String) throws {
        let run = try #require(FuzzTargets.all.first { $0.name == name }?.run)
        let seeds = Self.inputs("Corpus", name)
        #expect(seeds.count >= 5, "Fuzz/Corpus/\(name)/ should hold seeds")
        for file in seeds + Self.inputs("Regressions", name) {
            let bytes = try [UInt8](Data(contentsOf: file))
            bytes.withUnsafeBufferPointer(run)
        }
    }
}
