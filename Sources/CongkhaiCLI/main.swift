import CongkhaiCommands
import Foundation

exit(Congkhai.execute(Array(CommandLine.arguments.dropFirst())))
