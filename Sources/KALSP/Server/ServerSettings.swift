import KAJSON

/// What the client may set in `initializationOptions` (or `workspace/didChangeConfiguration`
/// under `kalsp`): the same choices as kalint's options, plus the debounce.
struct ServerSettings: Equatable {
    /// kalint's `--target-version` (nil: the rules' own default, keepalived 2.2.7).
    var targetVersion: String?
    /// kalint's `--disable`: slugs or codes.
    var disabled: Set<String> = []
    /// kalint's `--config-id`, for `@id` lines.
    var configID: String?
    /// Lint the node files of a document's folder together (the cross-node rules).
    var fleet = true
    /// A folder with more `.conf` files than this is not a node set: each document is linted alone.
    var maximumFleetFiles = 32
    /// Quiet time after the last change before the diagnostics are recomputed.
    var debounceMilliseconds = 200

    mutating func update(from value: JSONValue?) {
        guard let value, case .object = value else { return }
        if let version = value["targetVersion"] { targetVersion = version.string }
        if let disable = value["disable"]?.array { disabled = Set(disable.compactMap(\.string)) }
        if let id = value["configID"] { configID = id.string }
        if let fleet = value["fleet"]?.bool { self.fleet = fleet }
        if let limit = value["maximumFleetFiles"]?.int { maximumFleetFiles = max(1, min(limit, 4096)) }
        if let delay = value["debounceMilliseconds"]?.int { debounceMilliseconds = max(0, min(delay, 60_000)) }
    }
}
