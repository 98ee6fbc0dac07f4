from sellerdesk.cli.main import main

raise SystemExit(main())
