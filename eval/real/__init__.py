"""eval/real: excerpts of real Arabic news, scored at document level (see eval/README.md)."""
