/// An instant given in front matter: a day, or a full ISO 8601 time with an offset.
/// Without an offset the time is read in Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving).
public struct Timestamp: Hashable, Sendable, Comparable {
    public static let vietnamOffsetMinutes = 7 * 60

    /// Seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int

    public init(epochSeconds: Int) { self.epochSeconds = epochSeconds }

    public init(
        day: CalendarDay, hour: Int = 0, minute: Int = 0, second: Int = 0,
        offsetMinutes: Int = Timestamp.vietnamOffsetMinutes
    ) {
        epochSeconds =
            day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
    }

    /// `2021-03-15`, `2021-03-15T08:30`, `2021-03-15T08:30:00+07:00`, `2021-03-15 08:30:00Z`.
    public init?(iso text: String) {
        // Most dates have no surrounding space, and Foundation's trimming is costly.
        let padded =
            text.utf8.first.map { $0 == 0x20 || $0 == 0x09 } == true
            || text.utf8.last.map { $0 == 0x20 || $0 == 0x09 } == true
        let text = padded ? text.trimmingCharacters(in: .whitespaces) : text
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let day = CalendarDay(iso: text.prefix(10)) else { return nil }
        if bytes.count == 10 { self.init(day: day); return }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
        var rest = Substring(text.dropFirst(11))
        // Offset: Z, +HH:MM, -HH:MM, +HHMM.
        var offset = Timestamp.vietnamOffsetMinutes
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            offset = 0
            rest = rest.dropLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let sign = rest[signIndex] == "-" ? -1 : 1
            let digits = rest[rest.index(after: signIndex)...].filter { $0 != ":" }
            guard digits.count == 4, let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)),
                hh < 24, mm < 60
            else { return nil }
            offset = sign * (hh * 60 + mm)
            rest = rest[..<signIndex]
        }
        let clock = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3,
            clock.allSatisfy({ !$0.isEmpty }),
            let hour = Int(clock[0]), let minute = Int(clock[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        var second = 0
        if clock.count == 3 {
            // Fractions of a second are accepted and dropped.
            guard let s = Int(clock[2].prefix { $0 != "." }), (0..<61).contains(s) else {
                return nil
            }
            second = s
        }
        self.init(day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    /// The day this instant falls on in Vietnam.
    public var vietnamDay: CalendarDay {
        let local = epochSeconds + Timestamp.vietnamOffsetMinutes * 60
        return CalendarDay(daysSinceEpoch: Int((Double(local) / 86_400).rounded(.down)))
    }

    /// RFC 3339 in Vietnam's offset: `2021-03-15T08:30:00+07:00`.
    public var rfc3339: String {
        let local = epochSeconds + Timestamp.vietnamOffsetMinutes * 60
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secs = local - days * 86_400
        return
            "\(CalendarDay(daysSinceEpoch: days))T\(pad2(secs / 3600)):\(pad2(secs % 3600 / 60)):\(pad2(secs % 60))+07:00"
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.epochSeconds < b.epochSeconds }
}
