"""Files dropped on the window: a ``.zidb`` opens, a decree or Lampiran (.docx, .pdf, text,
.xlsx) is imported through the same path as Berkas ▸ Impor (``FileCommands.drop_paths``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


def _local_paths(event) -> list[str]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class FileDrop(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 — Qt's name
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove) and _local_paths(event):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Drop:
            paths = _local_paths(event)
            if paths:
                event.acceptProposedAction()
                self.window.files.drop_paths(paths)
                return True
        return super().eventFilter(watched, event)
