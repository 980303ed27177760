"""Stage 1: bytes and files -> text -> a normalised Document with a map back to the original."""
