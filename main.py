from tracker.app import main

raise SystemExit(main())
