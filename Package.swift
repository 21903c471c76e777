// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "congkhai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "congkhai", targets: ["CongkhaiCLI"]),
        .library(name: "CongkhaiKit", targets: ["CongkhaiCore", "CongkhaiKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The preview server of `congkhai serve`: a small HTTP server on sockets, no SwiftNIO.
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        // Reading the one-door system's .xlsx exports: the ZIP container and its XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", exact: "0.18.2"),
    ],
    targets: [
        // libcmark, the CommonMark reference implementation, through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libvips (photos) through pkg-config: headers only.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // libvips' API is variadic, which Swift cannot call: fixed-argument C wrappers.
        .target(name: "CVipsShim", dependencies: ["CVips"]),
        // Photos: sizes read from headers, published widths and social cards made with libvips.
        .target(name: "CongkhaiImages", dependencies: ["CVipsShim"]),
        // Social cards: text shaped by pango and drawn by cairo, written as PNG by libpng.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        // The card canvas and the PNG writer in C: GError and libpng's longjmp stay there.
        .target(name: "CCardCanvas", dependencies: ["CPangoCairo", "CLibPNG"]),
        // libxml2's streaming reader, for the worksheets of .xlsx exports (measured: XMLCoder took
        // 4,5 ms of CPU per export, most of an import of 3.000).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libxlsxwriter (the Biểu 06a template) through pkg-config; its API has no variadic functions.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // The leaf every other target stands on: the domain's value types, diagnostics, small
        // helpers, markdown through libcmark, the byte sink and the input stamps. It knows no stage.
        .target(
            name: "CongkhaiCore",
            dependencies: ["CCmark"]
        ),
        // The pipeline: load → validate → compute → plan pages → render → write, the build cache,
        // the build recipe and the compliance report.
        .target(
            name: "CongkhaiKit",
            dependencies: [
                "CongkhaiCore",
                "CongkhaiImages",
                "CCardCanvas",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `congkhai serve`: the preview server (FlyingFox), the file watcher and live reload.
        // Only the command line links it.
        .target(
            name: "CongkhaiPreview",
            dependencies: [
                "CongkhaiCore",
                "CongkhaiKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // `congkhai import` / `congkhai template`: the one-door system's exports (xlsx, csv in any
        // of the encodings offices use) into the canonical CSV, and the form as a template.
        .target(
            name: "CongkhaiImport",
            dependencies: [
                "CongkhaiCore",
                "CongkhaiKit",
                "CXlsxWriter",
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ]
        ),
        // The commands (swift-argument-parser): parse arguments, call the library, print what it
        // returns, choose the exit status. A library, so that tests run the commands in process.
        .target(
            name: "CongkhaiCommands",
            dependencies: [
                "CongkhaiCore",
                "CongkhaiKit",
                "CongkhaiPreview",
                "CongkhaiImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The executable `congkhai`: only its entry point.
        .executableTarget(
            name: "CongkhaiCLI",
            dependencies: ["CongkhaiCommands"]
        ),
        // Fuzzing (Fuzz/README.md): the targets' bodies, and the libFuzzer executable that runs
        // them, which scripts/fuzz builds with -sanitize=fuzzer,address.
        .target(
            name: "CongkhaiFuzz", dependencies: ["CongkhaiCore", "CongkhaiKit", "CongkhaiImport"],
            path: "Fuzz/Targets/CongkhaiFuzz"),
        .executableTarget(
            name: "FuzzCongkhai", dependencies: ["CongkhaiFuzz"], path: "Fuzz/Targets/FuzzCongkhai"),
        .testTarget(
            name: "CongkhaiKitTests",
            dependencies: [
                "CongkhaiCore", "CongkhaiKit", "CongkhaiPreview", "CongkhaiCommands",
                "CongkhaiFuzz", "CongkhaiImages", "CLibPNG",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CongkhaiImportTests",
            dependencies: ["CongkhaiImport", "CongkhaiCore", "CongkhaiKit", "CXlsxWriter"]
        ),
    ]
)
