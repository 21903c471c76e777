import CLibXML2
import Foundation

/// A workbook part read through once with libxml2 before XMLCoder decodes it: FoundationXML's
/// parser, under XMLCoder, stops the process (a trap in `_NSXMLParserStartElementNs`) on some
/// malformed parts instead of throwing. Found by the xlsx fuzz target; kept in
/// `Fuzz/Regressions/xlsx/malformed-shared-strings-trap`.
enum WellFormedXML {
    static func check(_ data: Data) -> Bool {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                buffer.count < Int32.max,
                let reader = xmlReaderForMemory(
                    base, Int32(buffer.count), nil, nil, Int32(XML_PARSE_NONET.rawValue))
            else { return false }
            defer { xmlFreeTextReader(reader) }
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { return true }
                if status < 0 { return false }
            }
        }
    }
}
