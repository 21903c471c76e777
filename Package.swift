// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "congkhai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "congkhai", targets: ["CongkhaiCLI"]),
        .library(name: "CongkhaiKit", targets: ["CongkhaiKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The preview server of `congkhai serve`: a small HTTP server on sockets, no SwiftNIO.
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // libcmark, the CommonMark reference implementation, through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libvips (photos, social cards) through pkg-config: headers only.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // libvips' API is variadic, which Swift cannot call: fixed-argument C wrappers.
        .target(name: "CVipsShim", dependencies: ["CVips"]),
        // Photos: sizes read from headers, published widths and social cards made with libvips.
        .target(name: "CongkhaiImages", dependencies: ["CVipsShim"]),
        // All the logic: load → validate → compute → plan pages → render → write.
        .target(
            name: "CongkhaiKit",
            dependencies: [
                "CCmark",
                "CongkhaiImages",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // The thin command line: parses arguments, calls the library, prints what it returns.
        .executableTarget(
            name: "CongkhaiCLI",
            dependencies: [
                "CongkhaiKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CongkhaiKitTests",
            dependencies: ["CongkhaiKit", "CongkhaiImages"],
            exclude: ["Fixtures"]
        ),
    ]
)
