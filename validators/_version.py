"""The single place where the package and dataset version is written."""

__version__ = "2.1.0"
