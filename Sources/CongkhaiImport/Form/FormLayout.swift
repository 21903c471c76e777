import CongkhaiCore
import CongkhaiKit
import Foundation

/// How one dataset's form is laid out: which header texts stand for which column, and the words
/// that mark its rows. Header texts are compared as slugs (case, diacritics, punctuation and
/// spacing do not matter); a column's "path" is its header texts from the top header row down
/// (merged cells fill the columns they span), so a "Tổng số" or "Quá hạn" is told apart by the
/// group above it.
package struct FormLayout: Sendable {
    /// One column rule: the key, and whether a column's path (its group texts, its own text) is it.
    struct Rule: Sendable {
        var key: String
        var matches: @Sendable (_ group: String, _ leaf: String) -> Bool
    }

    package let schema: DatasetSchema
    let rules: [Rule]
    /// Total columns and the parts that must add up to them.
    package let totals: [(total: String, parts: [String])]
    /// Sums that must be equal in every row: the form's identity.
    package let identities: [(left: [String], right: [String])]
    /// The form's identity, as its title rows name it (`Biểu số 06a/VPCP/KSTT`), if it has one.
    package let formName: String?
    /// Form names (as slugs) this layout reads.
    let formSlugs: [String]

    package static func forDataset(_ id: String) -> FormLayout? {
        switch id {
        case "dossiers": return dossiers
        case "satisfaction": return satisfaction
        case "feedback": return feedback
        default: return nil
        }
    }

    /// Every layout's total columns (checked against their parts, so left out of new files).
    static let totalKeys = Set(
        [dossiers, satisfaction, feedback].flatMap { $0.totals.map(\.total) })

    /// `word` (a slug) is in `slug` as whole words: "qua-han" is in "tra-qua-han", not in "qua-hanh".
    static func has(_ slug: String, _ word: String) -> Bool {
        var slug = slug, word = word
        return slug.withUTF8 { s in
            word.withUTF8 { w in
                guard w.count > 0, s.count >= w.count else { return false }
                var i = 0
                while i + w.count <= s.count {
                    if (i + w.count == s.count || s[i + w.count] == 0x2D)
                        && memcmp(s.baseAddress! + i, w.baseAddress!, w.count) == 0
                    {
                        return true
                    }
                    // The next word.
                    while i < s.count && s[i] != 0x2D { i += 1 }
                    i += 1
                }
                return false
            }
        }
    }

    /// Biểu số 06a/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): received (total, carried over, online,
    /// offline), resolved (total, early, on time, late), pending (total, in time, overdue).
    package static let dossiers: FormLayout = {
        @Sendable func group(_ g: String) -> String {
            if has(g, "dang-giai-quyet") { return "pending" }
            if has(g, "da-giai-quyet") { return "resolved" }
            if has(g, "nhan-giai-quyet") || has(g, "tiep-nhan") { return "received" }
            return ""
        }
        let rules: [Rule] = [
            Rule(key: "received_total") { g, l in
                group(g) == "received" && (l == "tong-so" || l.hasPrefix("tong-so-ho-so-nhan"))
            },
            Rule(key: "carried_over") { _, l in has(l, "ky-truoc") },
            Rule(key: "received_online_full") { _, l in has(l, "toan-trinh") },
            Rule(key: "received_online_partial") { _, l in has(l, "mot-phan") },
            Rule(key: "received_online") { _, l in has(l, "truc-tuyen") },
            Rule(key: "received_offline") { _, l in has(l, "truc-tiep") || has(l, "buu-chinh") },
            Rule(key: "resolved_total") { g, l in
                group(g) == "resolved" && (l == "tong-so" || l.hasPrefix("tong-so-ho-so-da"))
            },
            Rule(key: "resolved_early") { _, l in has(l, "truoc-han") },
            Rule(key: "resolved_on_time") { _, l in has(l, "dung-han") || has(l, "dung-thoi-han") },
            Rule(key: "resolved_late_apologised") { _, l in has(l, "xin-loi") },
            Rule(key: "resolved_late") { g, l in
                group(g) == "resolved" && (has(l, "qua-han") || has(l, "tre-han"))
            },
            Rule(key: "pending_total") { g, l in
                group(g) == "pending" && (l == "tong-so" || l.hasPrefix("tong-so-ho-so-dang"))
            },
            Rule(key: "pending_in_time") { _, l in has(l, "chua-den-han") || has(l, "trong-han") },
            Rule(key: "pending_overdue") { g, l in group(g) == "pending" && has(l, "qua-han") },
            Rule(key: "withdrawn") { _, l in has(l, "rut") },
        ]
        return FormLayout(
            schema: BuiltInDatasets.dossiers, rules: rules,
            totals: [
                ("received_total", ["carried_over", "received_online", "received_offline"]),
                ("resolved_total", ["resolved_early", "resolved_on_time", "resolved_late"]),
                ("pending_total", ["pending_in_time", "pending_overdue"]),
            ],
            identities: [
                (
                    ["carried_over", "received_online", "received_offline"],
                    [
                        "resolved_early", "resolved_on_time", "resolved_late", "pending_in_time",
                        "pending_overdue", "withdrawn",
                    ]
                )
            ],
            formName: "Biểu số 06a/VPCP/KSTT",
            formSlugs: ["bieu-so-06a", "bieu-06a", "bieu-so-06-", "06a-vpcp-kstt"])
    }()

    /// Satisfaction (Nghị định 61/2018/NĐ-CP): a row per field with Rất hài lòng, Hài lòng,
    /// Không hài lòng, and optionally the number of responses (Tổng số phiếu).
    package static let satisfaction = FormLayout(
        schema: BuiltInDatasets.satisfaction,
        rules: [
            Rule(key: "very_satisfied") { _, l in has(l, "rat-hai-long") },
            Rule(key: "dissatisfied") { _, l in has(l, "khong-hai-long") },
            Rule(key: "satisfied") { _, l in l == "hai-long" || l == "muc-hai-long" },
            Rule(key: "responses") { _, l in
                l == "tong-so" || has(l, "so-phieu") || has(l, "luot-danh-gia")
                    || l == "tong-so-phieu"
            },
        ],
        totals: [("responses", ["very_satisfied", "satisfied", "dissatisfied"])],
        identities: [], formName: nil, formSlugs: [])

    /// Feedback and petitions (phản ánh, kiến nghị): one row for the unit with carried over,
    /// received, handled on time and late, pending in time and overdue, results published.
    package static let feedback: FormLayout = {
        @Sendable func handled(_ g: String, _ l: String) -> Bool {
            has(g, "da-xu-ly") || has(l, "da-xu-ly") || has(l, "xu-ly-dung-han")
                || has(l, "xu-ly-qua-han")
        }
        @Sendable func pending(_ g: String, _ l: String) -> Bool {
            has(g, "dang-xu-ly") || has(l, "dang-xu-ly")
        }
        return FormLayout(
            schema: BuiltInDatasets.feedback,
            rules: [
                Rule(key: "carried_over") { _, l in has(l, "ky-truoc") },
                Rule(key: "results_published") { _, l in has(l, "cong-khai") },
                Rule(key: "received") { _, l in has(l, "tiep-nhan") },
                Rule(key: "handled_on_time") { g, l in
                    !pending(g, l) && handled(g, l) && has(l, "dung-han")
                },
                Rule(key: "handled_late") { g, l in
                    !pending(g, l) && handled(g, l) && has(l, "qua-han")
                },
                Rule(key: "pending_in_time") { g, l in
                    pending(g, l) && (has(l, "trong-han") || has(l, "chua-den-han"))
                },
                Rule(key: "pending_overdue") { g, l in pending(g, l) && has(l, "qua-han") },
            ],
            totals: [],
            identities: [
                (
                    ["carried_over", "received"],
                    ["handled_on_time", "handled_late", "pending_in_time", "pending_overdue"]
                )
            ],
            formName: nil, formSlugs: [])
    }()

    /// The key a column's path stands for; `taken` keys are not given twice.
    func key(group: String, leaf: String, taken: Set<String>) -> String? {
        rules.first { !taken.contains($0.key) && $0.matches(group, leaf) }?.key
    }

    /// The form's columns that a file must have.
    var requiredKeys: [String] { schema.columns.filter(\.required).map(\.key) }

    package func title(of key: String) -> String {
        schema.columns.first { $0.key == key }?.title ?? key
    }
}
