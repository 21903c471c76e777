import CongkhaiCommands

Congkhai.main()
