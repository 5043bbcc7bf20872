/// The tables every analysis shares and builds on first use (the schema's keyword strings for the
/// readers, each block's keyword rows for the binder), about 0.4 MB. A process that analyses once
/// and then lives on, karun after its check, hands them back; the next analysis (a reload) builds
/// them again in a millisecond or two.
public enum AnalysisCaches {
    public static func release() {
        SchemaWords.release()
        RowTableCache.release()
    }
}
