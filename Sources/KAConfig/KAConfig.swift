/// KAConfig: lossless lexer and parser for keepalived.conf, expansion of includes, conditionals
/// and parameters, the keyword schema, the typed model, and diagnostics.
public enum KAConfigInfo {
    /// The keepalived version whose behaviour this library reproduces.
    public static let referenceKeepalivedVersion = "2.2.7"
}
