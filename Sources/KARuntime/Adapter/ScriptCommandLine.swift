import KAConfig

extension ScriptCommand {
    /// The argv as one command line that `ScriptTokenizer.split` turns back into the same argv
    /// (each word single-quoted, `\` and `'` escaped): the engine names notify scripts by a string.
    public var commandLine: String {
        argv.map { word in
            var quoted = "'"
            for character in word {
                if character == "\\" || character == "'" { quoted.append("\\") }
                quoted.append(character)
            }
            return quoted + "'"
        }.joined(separator: " ")
    }
}
