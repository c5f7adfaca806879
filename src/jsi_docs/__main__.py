"""``python -m jsi_docs`` runs the ``jsi-docs`` command."""

from jsi_docs.cli import main

main()
