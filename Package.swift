// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "PressFacts",
  products: [
    .library(name: "PressFacts", targets: ["PressFacts"]),
    .executable(name: "pressfacts", targets: ["pressfacts"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // The system ICU (Debian libicu-dev), wrapped because its C names are versioned macros.
    .target(
      name: "CICUShim",
      linkerSettings: [
        .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
      ]
    ),
    // syncfs(2), which Swift's Glibc module does not declare.
    .target(name: "CFileSync"),
    .target(
      name: "PressFacts",
      dependencies: [
        "CICUShim", "CFileSync", .product(name: "Crypto", package: "swift-crypto"),
      ],
      resources: [.copy("Resources")]
    ),
    .executableTarget(
      name: "pressfacts",
      dependencies: [
        "PressFacts",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // libFuzzer target over the whole pipeline; scripts/fuzz.sh builds it with the fuzzer.
    .executableTarget(name: "PressFactsFuzz", dependencies: ["PressFacts"]),
    .testTarget(
      name: "PressFactsTests",
      dependencies: ["PressFacts"],
      resources: [.copy("Fixtures")]
    ),
  ]
)
