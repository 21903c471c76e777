extension MessageCatalogue {
    static let importing: [(english: String, vietnamese: String)] = [

    ]
}
