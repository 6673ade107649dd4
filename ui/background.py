"""Long work off the window's thread, so the window keeps painting (and Batal can be pressed).

``Job`` runs a function in a ``QThread``; the function gets ``report(done, total)`` to call
as it goes, which also stops it (``Cancelled``) once the user pressed Batal. ``run_job``
waits for it in a local event loop: the caller reads like a plain call, the window stays
alive meanwhile. ``run_busy`` is that for work without its own progress bar: after one
second a small window says what is being done (the user's clicks wait until it is done).

Only work on plain data or on connections the job opens itself goes here — a SQLite
connection belongs to the thread that made it.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

SHOW_AFTER_MS = 1000   # quicker work shows no progress window at all


class Cancelled(Exception):
    """The user pressed Batal; the job stopped between two steps."""


class Job(QThread):
    progressed = Signal(int, int)   # done, total — delivered in the window's thread

    def __init__(self, fn, parent=None) -> None:
        super().__init__(parent)
        self._fn = fn
        self.result = None
        self.error: BaseException | None = None
        self.cancelled = False
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def report(self, done: int, total: int) -> None:
        if self._cancel:
            raise Cancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            self.result = self._fn(self.report)
        except Cancelled:
            self.cancelled = True
        except BaseException as err:  # noqa: BLE001 — handed to the caller in the window's thread
            self.error = err


def run_job(job: Job, *, block_input: bool = False):
    """Start ``job`` and wait for it with the window alive; its result, or its exception
    raised here (``Cancelled`` when stopped). ``block_input``: clicks and keys wait."""
    loop = QEventLoop()
    job.finished.connect(loop.quit, Qt.QueuedConnection)
    job.start()
    loop.exec(QEventLoop.ExcludeUserInputEvents if block_input else QEventLoop.AllEvents)
    job.wait()
    if job.error is not None:
        raise job.error
    if job.cancelled:
        raise Cancelled
    return job.result


def run_busy(parent, message: str, fn):
    """``fn()`` in the background; a progress window with ``message`` if it takes over 1 s."""
    dialog = QProgressDialog(message, None, 0, 0, parent)
    dialog.setWindowTitle("ZI Desktop")
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)   # starts the one-second timer after which the window shows itself
    try:
        return run_job(Job(lambda _report: fn(), parent), block_input=True)
    finally:
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()
