"""Entry point of the frozen program (PyInstaller needs a script, not a package)."""

import sys

from zi_desktop.launch import main

if __name__ == "__main__":
    sys.exit(main())
