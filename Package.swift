// swift-tools-version: 6.0
import PackageDescription

let releaseWithoutExclusivityChecks: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

/// kalint's and kafmt's modules leave out the Concurrency and string-processing runtimes that
/// Swift imports into every module by default: they use neither, and loading them (with the
/// libdispatch they pull in) costs every run about 3 MB resident.
let withoutImplicitRuntimes: [SwiftSetting] = [
    .unsafeFlags([
        "-Xfrontend", "-disable-implicit-concurrency-module-import",
        "-Xfrontend", "-disable-implicit-string-processing-module-import",
    ]),
]

// kalint and kafmt link the Swift runtime statically on Linux, as scripts/package.sh ships them:
// a lint of the 5,000-instance file starts 0.45 ms sooner and ends 1.3 ms sooner than with
// libswiftCore.so loaded and relocated at every start.
let staticRuntimeOnLinux: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]

// kalint goes one step further on Linux: a static executable (glibc too, as Go's tools are
// built), so no loader, libc.so, libstdc++.so or libm.so is mapped and relocated at start:
// 2-2.5 MB less peak RSS at every size and 0.65 ms sooner to start (`--version` 2.17 -> 1.51
// ms). kalint calls nothing of glibc's that loads shared objects (no NSS, no dlopen). The cost:
// its image is not position-independent, so not placed at a random address.
let staticExecutableOnLinux: [LinkerSetting] = [.unsafeFlags(["-static-executable"], .when(platforms: [.linux]))]

// kalint's modules put each function in a section of its own, and lld places the functions a
// lint runs together at the start of the code, in the order scripts/code-order/kalint.symbols
// lists them: the kernel maps the 64 KB around each page of code a process touches, so the
// 0.9 MB a lint runs, scattered over 5.9 MB, made nearly all of it resident
// (scripts/code-order/generate.sh regenerates the list). As scripts/package.sh links it:
// relative relocations packed (DT_RELR) and no exported symbol table, which the loader would
// otherwise read at every start (500 KB of relocations, 300 KB of symbols). Together, peak RSS:
// node1.conf 10.8 -> 7.9 MB, 1,000 instances 15.2 -> 12.1 MB, 5,000 30.6 -> 27.8 MB; with the
// static executable 6.3, 10.5 and 25.9 MB.
let oneSectionPerFunction: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-function-sections"], .when(platforms: [.linux])),
]
// The settings of the modules kalint links: their functions are what the code order places.
let kalintModule = withoutImplicitRuntimes + oneSectionPerFunction
let kalintLayout: [LinkerSetting] = [
    .unsafeFlags(
        [
            "-use-ld=lld",
            "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/code-order/kalint.symbols",
            // Names the build does not define (another configuration's specialisations) are skipped.
            "-Xlinker", "--no-warn-symbol-ordering",
            // The compiler's unnamed helpers together (see the script).
            "-Xlinker", "--script=\(Context.packageDirectory)/scripts/code-order/kalint-hot.ld",
            "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
        ],
        .when(platforms: [.linux])),
]

let package = Package(
    name: "keepalived-toolchain",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KAAddress", targets: ["KAAddress"]),
        .library(name: "KAConfig", targets: ["KAConfig"]),
        .library(name: "KALint", targets: ["KALint"]),
        .library(name: "KAFormat", targets: ["KAFormat"]),
        .library(name: "KAVRRP", targets: ["KAVRRP"]),
        .library(name: "KARuntime", targets: ["KARuntime"]),
        .library(name: "KALSP", targets: ["KALSP"]),
        .executable(name: "kalint", targets: ["kalint"]),
        .executable(name: "kafmt", targets: ["kafmt"]),
        .executable(name: "karun", targets: ["karun"]),
        .executable(name: "kalsp", targets: ["kalsp"]),
        .executable(name: "kabench", targets: ["kabench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // karun's `--metrics`: the registry and Prometheus text format (with swift-atomics and
        // swift-metrics' CoreMetrics; no Foundation).
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // The IP address type KAConfig's model and KAVRRP's engine share.
        .target(name: "KAAddress", swiftSettings: kalintModule),
        // The front end and model: bytes -> tokens -> lossless trees -> expanded lines -> bound
        // statements -> typed model, the Diagnostic type and its plain-text renderer.
        .target(name: "KAConfig", dependencies: ["KAAddress", "KAJSON", "CKAScan", "CKAThread"], swiftSettings: kalintModule),
        // kalint's rules (one node, and Fleet: several), the firewall evaluator, the engine and
        // driver, the JSON/SARIF/GitHub renderers, the rule pages (docs/rules, linked as
        // Documentation/Pages, embedded in the code), and kalint's command-line table.
        .target(
            name: "KALint", dependencies: ["KAConfig", "KACommandLine"], resources: [.embedInCode("Documentation/Pages")],
            swiftSettings: kalintModule),
        // kafmt's formatter and its command-line table.
        .target(name: "KAFormat", dependencies: ["KAConfig", "KACommandLine"], swiftSettings: withoutImplicitRuntimes),
        // The VRRP engine and the daemon around it run the per-advert path: release builds leave
        // out the run-time exclusivity checks there (about a seventh of karun's user time per
        // advert); debug builds, which run the tests, keep them.
        .target(name: "KAVRRP", dependencies: ["KAAddress"], swiftSettings: releaseWithoutExclusivityChecks),
        // A JSON value with its printer and parser, no Foundation: karun's status, kalsp's protocol.
        .target(name: "KAJSON", swiftSettings: kalintModule),
        // A command line as a table (parser, help, completions) without Foundation: karun's,
        // kalint's and kafmt's (swift-argument-parser links FoundationEssentials: megabytes of
        // resident memory).
        .target(name: "KACommandLine", swiftSettings: kalintModule),
        // libnl-3 / libnl-route-3: karun's netlink (addresses, routes, rules, links, macvlan).
        .systemLibrary(
            name: "CNetlink",
            pkgConfig: "libnl-route-3.0",
            providers: [.apt(["libnl-3-dev", "libnl-route-3-dev"])]
        ),
        // C helpers for what Swift cannot call directly (syscall wrappers, fork-to-exec code).
        .target(name: "CKARuntime"),
        // The shell around KAVRRP: event loop, sockets, netlink, scripts, the model->engine adapter.
        .target(
            name: "KARuntime",
            dependencies: [
                "KAConfig", "KALint", "KAJSON", "KAVRRP", "CNetlink", "CKARuntime", "KACommandLine",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: releaseWithoutExclusivityChecks
        ),
        .executableTarget(
            name: "karun",
            dependencies: ["KARuntime", "KACommandLine"]
        ),
        .executableTarget(
            name: "kalint",
            dependencies: ["KAConfig", "KALint", "KACommandLine", "CKAMemory"],
            swiftSettings: kalintModule,
            linkerSettings: staticExecutableOnLinux + kalintLayout
        ),
        .executableTarget(
            name: "kafmt",
            dependencies: ["KAConfig", "KAFormat", "KACommandLine", "CKAMemory"],
            swiftSettings: withoutImplicitRuntimes,
            linkerSettings: staticRuntimeOnLinux
        ),
        // The language server (issue 17): LSP over stdio on KAConfig's front end, rules and formatter.
        .target(name: "KALSP", dependencies: ["KAConfig", "KALint", "KAFormat", "KAJSON"]),
        .executableTarget(name: "kalsp", dependencies: ["KALSP"]),
        .executableTarget(
            name: "kabench",
            dependencies: [
                "KAConfig", "KALint", "KAFormat", "KAVRRP", "KARuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/kabench"
        ),
        .testTarget(name: "KAConfigTests", dependencies: ["KAConfig", "KALint", "KAFormat", "KACommandLine", "CKAScan"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KACommandLineTests", dependencies: ["KACommandLine"]),
        .testTarget(name: "KAVRRPTests", dependencies: ["KAVRRP", "KAConfig"]),
        .testTarget(name: "KARuntimeTests", dependencies: ["KARuntime", "KAConfig", "KALint", "KAVRRP", "KACommandLine"]),
        .testTarget(name: "KALSPTests", dependencies: ["KALSP", "KAJSON", "KAConfig", "KALint", "KAFormat"], exclude: ["Neovim"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (issue 16): libFuzzer harnesses over the analysis, kafmt, kalint and the VRRP
// decoder (see README, "Fuzzing"). A plain build makes them replay tools (files and folders as
// arguments); Fuzz/run.sh builds them with -sanitize=fuzzer,address -D FUZZING for libFuzzer.
package.targets += [
    .target(name: "FuzzDriver", path: "Fuzz/Driver"),
    .target(name: "FuzzConfig", dependencies: ["KAConfig"], path: "Fuzz/Config"),
    .executableTarget(
        name: "fuzz-analysis", dependencies: ["FuzzDriver", "FuzzConfig", "KAConfig", "KALint"], path: "Fuzz/FuzzAnalysis",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
        name: "fuzz-format", dependencies: ["FuzzDriver", "FuzzConfig", "KAConfig", "KAFormat"], path: "Fuzz/FuzzFormat",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
        name: "fuzz-lint", dependencies: ["FuzzDriver", "FuzzConfig", "KAConfig", "KALint"], path: "Fuzz/FuzzLint",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
        name: "fuzz-vrrp", dependencies: ["FuzzDriver", "KAVRRP"], path: "Fuzz/FuzzVRRP",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
]

// The version every tool prints with --version (issue 17): one constant in KAVersion, and the
// commit when scripts/package.sh passes it (KA_GIT_DESCRIBE, `git describe`). Only the tiny C
// target sees it, so a new commit recompiles one file. The targets that print the version are
// listed here (KALint in SARIF, KALSP in serverInfo and kalsp --version), so a new one joins with
// one word.
let gitDescribe = Context.environment["KA_GIT_DESCRIBE"] ?? ""
package.targets += [
    // glibc's malloc tuning for kalint and kafmt (mallopt is not in Swift's Glibc module).
    // The C targets' debug information is DWARF 4, as the Swift modules' is: with two DWARF 5
    // units in it, valgrind 3.19 (callgrind, how this project counts instructions) refuses kalint.
    .target(name: "CKAMemory", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
    // The byte scan under a file's line table (SSE2 where there is SSE2).
    .target(name: "CKAScan", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
    // Which CPU a helper thread may run on (sched_getaffinity's CPU set is C macros).
    .target(name: "CKAThread", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
    .target(
        name: "CKAVersion",
        cSettings: [.unsafeFlags(["-gdwarf-4"])]
            + (gitDescribe.isEmpty ? [] : [.define("KA_GIT_DESCRIBE", to: "\"\(gitDescribe)\"")])),
    .target(name: "KAVersion", dependencies: ["CKAVersion"], swiftSettings: kalintModule),
    // The .deb, pre-commit, the GitHub Action and Ansible's validate, run for real.
    .testTarget(name: "DistributionTests", dependencies: ["KAVersion"]),
]
for target in package.targets where ["KALint", "KALSP", "kalint", "kafmt", "karun", "kabench"].contains(target.name) {
    target.dependencies.append("KAVersion")
}
