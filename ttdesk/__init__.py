"""TT Desk: case management for a university technology-transfer office."""

__version__ = "0.1.0"
