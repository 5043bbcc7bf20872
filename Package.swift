// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "keepalived-toolchain",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KAConfig", targets: ["KAConfig"]),
        .library(name: "KAVRRP", targets: ["KAVRRP"]),
        .executable(name: "kalint", targets: ["kalint"]),
        .executable(name: "kafmt", targets: ["kafmt"]),
        .executable(name: "kabench", targets: ["kabench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "KAConfig"),
        .target(name: "KAVRRP"),
        .executableTarget(
            name: "kalint",
            dependencies: ["KAConfig", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "kafmt",
            dependencies: ["KAConfig", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "kabench",
            dependencies: ["KAConfig", "KAVRRP", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/kabench"
        ),
        .testTarget(name: "KAConfigTests", dependencies: ["KAConfig"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KAVRRPTests", dependencies: ["KAVRRP"]),
    ],
    swiftLanguageModes: [.v6]
)
