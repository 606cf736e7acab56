"""Filling the document models from the store: one module per document."""
