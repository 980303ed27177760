"""kg: knowledge graphs of Chinese political news."""

__version__ = "0.1.0"
