/// The handler tables as `KeywordTable`s: `fill` looks up one per statement.
extension ModelBuilder {
    static let bfdHandlerTable = KeywordTable(bfdHandlers)
    static let checkerHandlerTable = KeywordTable(checkerHandlers)
    static let garpGroupHandlerTable = KeywordTable(garpGroupHandlers)
    static let globalHandlerTable = KeywordTable(globalHandlers)
    static let instanceHandlerTable = KeywordTable(instanceHandlers)
    static let realServerHandlerTable = KeywordTable(realServerHandlers)
    static let scriptHandlerTable = KeywordTable(scriptHandlers)
    static let syncGroupHandlerTable = KeywordTable(syncGroupHandlers)
    static let trackFileHandlerTable = KeywordTable(trackFileHandlers)
    static let trackProcessHandlerTable = KeywordTable(trackProcessHandlers)
    static let virtualServerHandlerTable = KeywordTable(virtualServerHandlers)
}
