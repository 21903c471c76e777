import Foundation
import Testing

@testable import CongkhaiCore

#if canImport(Glibc)
import Glibc
#endif

/// `FileIO.writeAtomically` and `FileIO.replace`, through which every file that is replaced whole is
/// written: readers see the old bytes or the new, the new are exactly what was given, and a failed
/// write leaves nothing behind.
@Suite struct FileReplaceTests {
    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congkhai-replace-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func names(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func theNewFileHoldsExactlyTheBytesGivenAndNothingElseIsLeft() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<3_000_001).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = dir + "/data.bin"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try FileIO.writeAtomically(bytes, to: path)
        #expect(FileIO.contents(atPath: path) == bytes)
        try FileIO.writeAtomically(Data(), to: path)
        #expect(FileIO.contents(atPath: path) == [])
        #expect(names(dir) == ["data.bin"])
    }

    @Test func aReaderSeesTheOldFileOrTheNewNeverPartOfOne() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/page.html"
        let small = [UInt8](repeating: 0x61, count: 200_000)
        let large = [UInt8](repeating: 0x62, count: 2_000_000)
        try FileIO.writeAtomically(small, to: path)
        let rounds = 150
        async let written: Void = Task.detached {
            for i in 0..<rounds { try FileIO.writeAtomically(i % 2 == 0 ? large : small, to: path) }
        }.value
        var seen = Set<Int>(), bad = 0
        for _ in 0..<rounds * 2 {
            guard let read = FileIO.contents(atPath: path) else { bad += 1; continue }
            seen.insert(read.count)
            if read != small && read != large { bad += 1 }
        }
        try await written
        #expect(bad == 0)
        #expect(seen.isSubset(of: [small.count, large.count]))
        #expect(names(dir) == ["page.html"])
    }

    @Test func writersOfOneFileAtOnceEachLeaveAWholeFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/card.png"
        let versions = (0..<8).map { [UInt8](repeating: UInt8($0), count: 100_000 + $0) }
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            try? FileIO.writeAtomically(versions[i % 8], to: path)
        }
        let read = try #require(FileIO.contents(atPath: path))
        #expect(versions.contains(read))
        #expect(names(dir) == ["card.png"])
    }

    @Test func aFailedWriteRemovesItsTemporaryFileAndLeavesTheOldOne() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/2021-11.csv"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))

        // The maker fails half way through.
        struct Stopped: Error {}
        #expect(throws: Stopped.self) {
            try FileIO.replace(path, renameFailed: { _ in Stopped() }) {
                (part) throws(Stopped) in
                _ = FileManager.default.createFile(atPath: part, contents: Data("ne".utf8))
                throw Stopped()
            }
        }
        #expect(FileIO.contents(atPath: path) == Array("old".utf8))
        #expect(names(dir) == ["2021-11.csv"])

        // The rename fails: a folder stands where the file goes.
        let blocked = dir + "/blocked"
        try FileManager.default.createDirectory(
            atPath: blocked + "/inside", withIntermediateDirectories: true)
        #expect(throws: FileIO.WriteFailure(code: EISDIR)) {
            try FileIO.writeAtomically(Data("new".utf8), to: blocked)
        }
        #expect(names(dir) == ["2021-11.csv", "blocked"])

        // The temporary file cannot be made: its folder does not exist.
        #expect(throws: FileIO.WriteFailure(code: ENOENT)) {
            try FileIO.writeAtomically(
                Data("new".utf8), to: path, temporary: dir + "/missing/.2021-11.csv.tmp")
        }
        #expect(FileIO.contents(atPath: path) == Array("old".utf8))
        #expect(names(dir) == ["2021-11.csv", "blocked"])
    }

    @Test func aHiddenTemporaryNameSitsBesideItsFile() {
        let pid = getpid()
        #expect(
            FileIO.hiddenTemporary(for: "Public/tin-tuc/index.html", tag: "tmp")
                == "Public/tin-tuc/.index.html.tmp-\(pid)")
        #expect(FileIO.hiddenTemporary(for: "mau.xlsx", tag: "tmp") == ".mau.xlsx.tmp-\(pid)")
        #expect(FileIO.hiddenTemporary(for: "/a/b.csv", tag: "import") == "/a/.b.csv.import-\(pid)")
    }
}
