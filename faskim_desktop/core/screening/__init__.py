"""Cekal (cegah/tangkal) screening: list import, name normalisation, blocking index, scoring.

Qt-free. The case service calls ``service.Screener``; the command line is ``faskim cekal``.
"""
