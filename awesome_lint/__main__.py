"""``python -m awesome_lint`` runs the command."""
import sys

from .app.cli import main

sys.exit(main())
