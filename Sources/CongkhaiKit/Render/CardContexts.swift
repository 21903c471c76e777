import CongkhaiCore
import Foundation

/// What the social cards show: the site's (its title and what it publishes), and each unit's
/// (its name and its on-time rate for the year to date, as the total of its page's table).
extension RenderEnvironment {
    private var cardFooter: String {
        config.baseURL.replacingOccurrences(of: "https://", with: "").replacingOccurrences(
            of: "http://", with: ""
        )
        .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    func siteCard() -> SocialCard {
        SocialCard(
            owner: config.owner, siteTitle: config.title,
            heading: "Công khai kết quả giải quyết hồ sơ thủ tục hành chính",
            figure: nil, figureLabel: nil,
            note:
                "Tỷ lệ đúng hạn, trễ hạn, mức độ hài lòng và xử lý phản ánh, kiến nghị của \(content.units.count) cơ quan, đơn vị, phường",
            footer: cardFooter)
    }

    /// The unit's on-time rate over its dossiers' year to date (every field), or nil when it has none.
    func unitOnTimeRate(_ id: String) -> (value: MeasureValue, span: Span)? {
        guard let data = figures.dossiers, let newest = data.newestPeriod(unit: id),
            let measure = data.schema.measure("on_time_rate")
        else { return nil }
        let span = Span.year(newest.year, through: Span(newest).lastMonth)
        return (data.counts(unit: id, span: span).value(of: measure, in: data.schema), span)
    }

    func unitCard(_ id: String) -> SocialCard {
        let unit = content.unit(id)!
        var card = SocialCard(
            owner: config.owner, siteTitle: config.title, heading: unit.name(on: buildDate),
            figure: nil, figureLabel: nil,
            note: "Trang công khai kết quả giải quyết hồ sơ thủ tục hành chính",
            footer: cardFooter)
        if let (value, span) = unitOnTimeRate(id), let rate = value.rate, rate.hasData {
            card.figure = value.text
            card.figureLabel = "hồ sơ giải quyết đúng hạn · \(span.label)"
            card.note =
                "\(VietnameseNumber.integer(rate.numerator))/\(VietnameseNumber.integer(rate.denominator)) hồ sơ đã giải quyết"
        }
        return card
    }
}
