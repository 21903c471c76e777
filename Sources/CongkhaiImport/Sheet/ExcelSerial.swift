import CongkhaiCore

/// Excel's serial days (the 1900 date system): day 1 is 1900-01-01 and, because Excel counts
/// 1900-02-29, days from March 1900 on are counted from 1899-12-30. Read from an export's date
/// cells (`SheetCell.date`) and written into the template's (`FormWorkbookWriter`).
extension CalendarDay {
    /// The serial of 1970-01-01: the days from 1899-12-30 to 1970-01-01.
    package static let excelSerialOfEpoch = 25569

    /// The day an Excel serial day stands for.
    package init(excelSerial serial: Int) {
        self.init(daysSinceEpoch: serial - Self.excelSerialOfEpoch)
    }

    /// This day as an Excel serial day.
    package var excelSerial: Int { daysSinceEpoch + Self.excelSerialOfEpoch }
}
