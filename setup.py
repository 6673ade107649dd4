# The package list lives here only because pyproject cannot add the two data packages
# (resources/ and db/ mapped into zi_desktop, see pyproject's package-dir) to a find.
from setuptools import find_packages, setup

setup(packages=find_packages(include=["zi_desktop*", "ui*"]) + ["zi_desktop.resources", "zi_desktop.db"])
