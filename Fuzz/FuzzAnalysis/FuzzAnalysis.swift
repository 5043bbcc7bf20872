import FuzzConfig
import FuzzDriver
import KAConfig

/// The whole analysis from bytes: expansion with includes from memory, binding, the model and
/// every single-file rule. Finds crashes, hangs and sanitizer reports.
@main
struct FuzzAnalysis {
    static func main() {
        FuzzDriver.run { bytes in
            let input = FuzzInput(bytes)
            let node = Analyzer.analyze(path: input.rootPath, fileSystem: input.fileSystem)
            _ = LintEngine().run([node])
        }
    }
}
