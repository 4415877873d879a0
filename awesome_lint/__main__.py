"""``python -m awesome_lint`` runs the command."""
from .app.cli import console

console()
