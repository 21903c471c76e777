import ArgumentParser
import CongkhaiCore
import CongkhaiKit

/// The `congkhai` command: its subcommands, as the executable and the tests run them.
public struct Congkhai: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "congkhai",
        abstract:
            "Build the public administrative-reform site (công khai CCHC) from markdown and CSV figures.",
        discussion: """
            congkhai reads Content/ (site.yml, units.yml, fields.yml, plan/, news/, metrics/) and writes the public HTML site into Public/. Start with `congkhai check`, then `congkhai build`.

            Messages in Vietnamese: add `--lang vi` to any command, or set a vi locale (LANG=vi_VN.UTF-8). Thông báo bằng tiếng Việt: thêm `--lang vi` vào lệnh, hoặc đặt LANG=vi_VN.UTF-8.
            """,
        version: "0.1.0",
        subcommands: [
            BuildCommand.self, CheckCommand.self, ReportCommand.self, ServeCommand.self,
            NewCommand.self, ImportCommand.self, TemplateCommand.self,
        ],
        defaultSubcommand: nil
    )
}
