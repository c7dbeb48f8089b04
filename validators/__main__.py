"""``python -m kursk_pows``: the same as the ``kursk-pows`` command."""

from .cli import main

raise SystemExit(main())
