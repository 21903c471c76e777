import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client over a raw socket to 127.0.0.1, for the preview server's tests: the
/// request line goes out exactly as written (no client-side `..` clean-up, unlike URLSession), and
/// no proxy setting can route it anywhere else. Every read has a deadline, and the blocking socket
/// calls run on a thread of their own: neither the Swift concurrency pool nor Dispatch's global
/// queues (which the server's tasks and its socket polling run on) are held up by a waiting client.
enum LoopbackHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]  // lower-cased names
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Sends one request (`Connection: close`) and reads the whole response.
    static func request(
        _ method: String = "GET", _ path: String, port: UInt16, timeout: Double = 10
    ) async throws -> Response {
        let raw = try await offPool {
            try exchange(
                "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n",
                port: port, timeout: timeout, until: nil)
        }
        return try parse(raw, method: method)
    }

    static func get(_ path: String, port: UInt16) async throws -> Response {
        try await request("GET", path, port: port)
    }

    /// Opens the event stream and reads until `marker` arrives (or the deadline passes); returns what was read.
    static func readEvents(
        port: UInt16, until marker: String, timeout: Double = 5
    ) async throws -> String {
        let raw = try await offPool {
            try exchange(
                "GET /_congkhai/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n",
                port: port, timeout: timeout, until: Data(marker.utf8))
        }
        return String(decoding: raw, as: UTF8.self)
    }

    private static func offPool<T: Sendable>(
        _ work: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    private static func exchange(
        _ request: String, port: UInt16, timeout: Double, until marker: Data?
    ) throws -> Data {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(fd) }
        var tv = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            throw Failure(description: "connect to 127.0.0.1:\(port) failed: \(errno)")
        }
        let bytes = Array(request.utf8)
        guard send(fd, bytes, bytes.count, 0) == bytes.count else {
            throw Failure(description: "send failed")
        }

        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                received.append(contentsOf: buffer[0..<n])
                if let marker, received.range(of: marker) != nil { return received }
            } else if n == 0 || errno == ECONNRESET {
                return received
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                throw Failure(description: "recv failed: \(errno)")
            }
        }
        if marker != nil { return received }
        throw Failure(
            description: "no complete response within \(timeout) s; got \(received.count) bytes")
    }

    private static func parse(_ raw: Data, method: String) throws -> Response {
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "no header end in \(raw.count) bytes")
        }
        let head = String(decoding: raw[raw.startIndex..<split.lowerBound], as: UTF8.self)
            .components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        var body = Data(raw[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        if let length = headers["content-length"].flatMap(Int.init), method != "HEAD",
            body.count != length
        {
            throw Failure(
                description: "body has \(body.count) bytes, Content-Length says \(length)")
        }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)),
            let size = Int(
                String(decoding: rest[rest.startIndex..<lineEnd.lowerBound], as: UTF8.self),
                radix: 16), size > 0
        {
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            let end = rest.index(start, offsetBy: size)
            out.append(rest[start..<end])
            rest =
                rest[
                    min(
                        rest.endIndex,
                        rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex)...]
        }
        return out
    }
}

/// Polls `condition` every 50 ms until it holds or `seconds` (at most 10) pass; returns whether it held.
func eventually(
    within seconds: Double = 10, _ condition: () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(min(seconds, 10) * 1000))
    repeat {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    } while ContinuousClock.now < deadline
    return try await condition()
}

/// The tests of `congkhai serve` and `congkhai new`, grouped so `swift test --filter Serve` runs them all.
@Suite enum ServeTests {}
