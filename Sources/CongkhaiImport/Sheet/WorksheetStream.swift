import CLibXML2
import CongkhaiCore
import Foundation

/// A worksheet part read as a stream with libxml2's `xmlTextReader`: rows, cells (type, style,
/// value, inline text, rich-text runs) and merged ranges, without building a tree. Decoding the
/// same part through XMLCoder took most of an import's time (4,5 ms of CPU per export).
enum WorksheetStream {
    static func read(_ data: Data, part: String) throws(XLSXReader.Failure) -> WorksheetXML {
        var rows: [RowXML] = []
        var merges: [WorksheetXML.MergeCells.MergeCell] = []
        var failed = false
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                buffer.count < Int32.max,
                let reader = xmlReaderForMemory(
                    base, Int32(buffer.count), nil, nil, Int32(XML_PARSE_NONET.rawValue))
            else { failed = true; return }
            defer { xmlFreeTextReader(reader) }
            var cell: CellXML?
            var text: String?  // the text being collected (<v>, or <t> inside <is>)
            var inInline = false
            func attributes() -> [String: String] {
                var result: [String: String] = [:]
                guard xmlTextReaderHasAttributes(reader) == 1 else { return result }
                var more = xmlTextReaderMoveToFirstAttribute(reader)
                while more == 1 {
                    if let name = xmlTextReaderConstLocalName(reader),
                        let value = xmlTextReaderConstValue(reader)
                    {
                        result[String(cString: name)] = String(cString: value)
                    }
                    more = xmlTextReaderMoveToNextAttribute(reader)
                }
                xmlTextReaderMoveToElement(reader)
                return result
            }
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { break }
                if status < 0 { failed = true; break }
                let type = xmlTextReaderNodeType(reader)
                switch type {
                case 1:  // element
                    guard let namePointer = xmlTextReaderConstLocalName(reader) else { continue }
                    let name = String(cString: namePointer)
                    let empty = xmlTextReaderIsEmptyElement(reader) == 1
                    switch name {
                    case "row":
                        rows.append(RowXML(r: attributes()["r"].flatMap { Int($0) }, c: []))
                    case "c":
                        let a = attributes()
                        let parsed = CellXML(
                            r: a["r"], t: a["t"], s: a["s"].flatMap { Int($0) }, v: nil, inline: nil
                        )
                        if empty {
                            if rows.isEmpty { rows.append(RowXML(r: nil, c: [])) }
                            rows[rows.count - 1].c?.append(parsed)
                        } else {
                            cell = parsed
                        }
                    case "v" where cell != nil && !empty: text = ""
                    case "is" where cell != nil:
                        inInline = true; cell?.inline = StringItemXML(t: nil, r: nil)
                    case "t" where inInline && !empty: text = text ?? ""
                    case "mergeCell":
                        if let ref = attributes()["ref"] { merges.append(.init(ref: ref)) }
                    default: break
                    }
                case 3, 4, 13, 14:  // text, CDATA, whitespace
                    if text != nil, let value = xmlTextReaderConstValue(reader) {
                        text! += String(cString: value)
                    }
                case 15:  // end of element
                    guard let namePointer = xmlTextReaderConstLocalName(reader) else { continue }
                    switch String(cString: namePointer) {
                    case "v": if cell != nil { cell?.v = text; text = nil }
                    case "is":
                        inInline = false
                        if let collected = text {
                            cell?.inline = StringItemXML(t: TextXML(collected), r: nil)
                        }
                        text = nil
                    case "c":
                        if let finished = cell {
                            if rows.isEmpty { rows.append(RowXML(r: nil, c: [])) }
                            rows[rows.count - 1].c?.append(finished)
                        }
                        cell = nil
                        text = nil
                    default: break
                    }
                default: break
                }
            }
        }
        if failed { throw .badPart(part, "not well-formed XML") }
        return WorksheetXML(
            sheetData: .init(row: rows), mergeCells: merges.isEmpty ? nil : .init(mergeCell: merges)
        )
    }
}
