"""ZI Desktop's window (PySide6). The core it drives is ``zi_desktop``."""
