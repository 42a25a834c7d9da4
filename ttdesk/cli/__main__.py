from ttdesk.cli.main import main

raise SystemExit(main())
