"""Faskim Desktop: the counter application for the Kartu Fasilitas Keimigrasian SOP."""

__version__ = "0.1.0"
