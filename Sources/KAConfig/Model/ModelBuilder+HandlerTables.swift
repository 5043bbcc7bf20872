/// The handler tables: keyword -> index of its handler, plus the handlers. Each table has an id
/// that names its row cache in `BuildContext`.
struct HandlerTable<Target>: Sendable {
    let id: Int
    let slots: KeywordTable<Int>
    let handlers: [ModelBuilder.Handler<Target>]

    init(id: Int, _ table: [String: ModelBuilder.Handler<Target>]) {
        self.id = id
        let entries = Array(table)
        slots = KeywordTable(entries.indices.map { (entries[$0].key, $0) })
        handlers = entries.map(\.value)
    }
}

extension ModelBuilder {
    /// How many row caches `BuildContext` keeps: one per table below, and one for the top level.
    static let rowCacheCount = 12
    static let topLevelCacheID = 11

    static let bfdHandlerTable = HandlerTable(id: 0, bfdHandlers)
    static let checkerHandlerTable = HandlerTable(id: 1, checkerHandlers)
    static let garpGroupHandlerTable = HandlerTable(id: 2, garpGroupHandlers)
    static let globalHandlerTable = HandlerTable(id: 3, globalHandlers)
    static let instanceHandlerTable = HandlerTable(id: 4, instanceHandlers)
    static let realServerHandlerTable = HandlerTable(id: 5, realServerHandlers)
    static let scriptHandlerTable = HandlerTable(id: 6, scriptHandlers)
    static let syncGroupHandlerTable = HandlerTable(id: 7, syncGroupHandlers)
    static let trackFileHandlerTable = HandlerTable(id: 8, trackFileHandlers)
    static let trackProcessHandlerTable = HandlerTable(id: 9, trackProcessHandlers)
    static let virtualServerHandlerTable = HandlerTable(id: 10, virtualServerHandlers)
}
