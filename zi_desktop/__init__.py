"""ZI Desktop core: the .zidb document, its edits, printing, import and exchange.

The core never imports Qt; the window lives in the top-level ``ui`` package.
"""

__version__ = "0.1.0"
