"""The Lampiran previewed in the window, and printed to a printer.

``PreviewPane`` builds the PDF in a worker thread (the window stays responsive; a build
longer than a second shows a progress bar), renders one page at a time with pypdfium2
(Apache-2.0/BSD; PyMuPDF's AGPL does not fit the product), and pages and zooms.  A new
request while a build runs waits for it and then builds the newest request only.

``print_pdf`` sends the PDF to a printer: Qt's print dialog (page range, copies), each
page rendered at the printer's resolution and painted with QPainter.
"""

from __future__ import annotations

import io
import threading
import time

from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPixmap,
                           QShortcut)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QScrollArea, QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

ZOOMS = (("Sesuai lebar", 0.0), ("50%", 0.5), ("75%", 0.75), ("100%", 1.0), ("125%", 1.25),
         ("150%", 1.5), ("200%", 2.0))
DEBOUNCE_MS = 350
PROGRESS_AFTER_MS = 1000
PRINT_DPI_MAX = 300


def _pdfium():
    import pypdfium2 as pdfium
    return pdfium


def render_page(pdf_bytes: bytes, index: int, scale: float) -> QImage:
    """Page ``index`` of the PDF as a QImage at ``scale`` (1.0 = 72 dpi)."""
    pdfium = _pdfium()
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        page = doc[index]
        bitmap = page.render(scale=scale, rev_byteorder=True)   # RGB(x) bytes
        fmt = QImage.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format_RGB888
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
        page.close()
        return image
    finally:
        doc.close()


def page_count(pdf_bytes: bytes) -> int:
    doc = _pdfium().PdfDocument(pdf_bytes)
    try:
        return len(doc)
    finally:
        doc.close()


class _Signals(QObject):
    built = Signal(int, object, object, object)   # generation, pdf bytes, result, error


class PreviewPane(QWidget):
    """Pages of the Lampiran built from ``build(plan, out, **options)``."""

    changed = Signal()      # a new PDF is shown (or a build failed)

    def __init__(self, build, parent=None) -> None:
        super().__init__(parent)
        self._build = build
        self._signals = _Signals()
        self._signals.built.connect(self._on_built)
        self._lock = threading.Lock()
        self._generation = 0
        self._running = False
        self._pending: tuple | None = None
        self.pdf: bytes | None = None
        self.result = None
        self.error: Exception | None = None
        self.pages = 0
        self.build_seconds = 0.0

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start)
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(PROGRESS_AFTER_MS)
        self._slow.timeout.connect(lambda: self.progress.show())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.prev = QPushButton(self.tr("◀ Sebelumnya"))
        self.next = QPushButton(self.tr("Berikutnya ▶"))
        self.page = QSpinBox()
        self.page.setRange(1, 1)
        self.page.setPrefix(self.tr("Halaman "))
        self.of = QLabel()
        self.zoom = QComboBox()
        for label, value in ZOOMS:
            self.zoom.addItem(self.tr(label), value)
        self.zoom_out = QPushButton("−")
        self.zoom_in = QPushButton("+")
        for b in (self.zoom_out, self.zoom_in):
            b.setFixedWidth(28)
        self.zoom_out.setToolTip(self.tr("Perkecil"))
        self.zoom_in.setToolTip(self.tr("Perbesar"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Membuat pratinjau…"))
        self.progress.setTextVisible(True)
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        for w in (self.prev, self.page, self.of, self.next):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.progress)
        for w in (self.zoom_out, self.zoom, self.zoom_in):
            bar.addWidget(w)
        layout.addLayout(bar)

        self.view = QLabel(self.tr("Pratinjau sedang dibuat…"))
        self.view.setAlignment(Qt.AlignCenter)
        self.view.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.view)
        self.scroll.setAlignment(Qt.AlignCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; }")
        layout.addWidget(self.scroll, 1)

        self.prev.clicked.connect(lambda: self.page.setValue(self.page.value() - 1))
        self.next.clicked.connect(lambda: self.page.setValue(self.page.value() + 1))
        self.page.valueChanged.connect(lambda _v: self._show())
        self.zoom.currentIndexChanged.connect(lambda _i: self._show())
        self.zoom_in.clicked.connect(lambda: self._step_zoom(+1))
        self.zoom_out.clicked.connect(lambda: self._step_zoom(-1))
        for keys, action in ((QKeySequence.MoveToNextPage, self.next.click),
                             (QKeySequence.MoveToPreviousPage, self.prev.click),
                             (QKeySequence.ZoomIn, self.zoom_in.click),
                             (QKeySequence.ZoomOut, self.zoom_out.click)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.prev.setToolTip(self.tr("Halaman sebelumnya (Page Up)"))
        self.next.setToolTip(self.tr("Halaman berikutnya (Page Down)"))
        self._update_nav()

    # -- building ----------------------------------------------------------------------
    def request(self, plan: dict, options: dict, now: bool = False) -> None:
        """Rebuild for these options (after a short pause, so typing does not rebuild
        on every key)."""
        self._pending = (plan, dict(options))
        if now:
            self._debounce.stop()
            self._start()
        else:
            self._debounce.start()

    def _start(self) -> None:
        if self._running or self._pending is None:
            return
        plan, options = self._pending
        self._pending = None
        self._running = True
        self._generation += 1
        generation = self._generation
        self._slow.start()
        started = time.perf_counter()

        def work():
            buf = io.BytesIO()
            try:
                with self._lock:
                    result = self._build(plan, buf, **options)
                data, error = buf.getvalue(), None
            except Exception as err:  # noqa: BLE001 — said in the pane
                data, result, error = None, None, err
            self.build_seconds = time.perf_counter() - started
            self._signals.built.emit(generation, data, result, error)

        threading.Thread(target=work, name="zi-pratinjau", daemon=True).start()

    def _on_built(self, generation: int, data, result, error) -> None:
        self._running = False
        if self._pending is not None:      # newer options arrived meanwhile
            self._start()
            return
        self._slow.stop()
        self.progress.hide()
        self.error = error
        if error is None:
            self.pdf, self.result = data, result
            self.pages = page_count(data)
            self.page.setRange(1, max(1, self.pages))
        else:
            self.view.setText(self.tr("Pratinjau tidak dapat dibuat: %s") % error)
        self._update_nav()
        self._show()
        self.changed.emit()

    def busy(self) -> bool:
        return self._running or self._pending is not None

    def wait(self, timeout: float = 60.0) -> bool:
        """Block (processing events) until no build is running or waiting; for printing
        and saving right after a change."""
        from PySide6.QtWidgets import QApplication
        if self._debounce.isActive():
            self._debounce.stop()
            self._start()
        end = time.monotonic() + timeout
        while self.busy() and time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.01)
        return not self.busy()

    # -- showing -----------------------------------------------------------------------
    def _scale(self) -> float:
        zoom = self.zoom.currentData() or 0.0
        dpi = self.logicalDpiX() or 96
        if zoom:
            return zoom * dpi / 72.0
        try:
            doc = _pdfium().PdfDocument(self.pdf)
            width = doc[0].get_size()[0]
            doc.close()
        except Exception:  # noqa: BLE001
            width = 935.0
        avail = max(200, self.scroll.viewport().width() - 16)
        return avail / width

    def _step_zoom(self, step: int) -> None:
        i = self.zoom.currentIndex()
        if i == 0:                         # from "fit": the nearest fixed step
            i = 3
        self.zoom.setCurrentIndex(min(max(1, i + step), self.zoom.count() - 1))

    def _show(self) -> None:
        self._update_nav()
        if not self.pdf or self.error is not None:
            return
        image = render_page(self.pdf, self.page.value() - 1, self._scale())
        self.view.setPixmap(QPixmap.fromImage(image))
        self.view.resize(image.size())

    def _update_nav(self) -> None:
        n = self.pages
        self.of.setText(self.tr("dari %d") % n if n else "")
        self.prev.setEnabled(n > 0 and self.page.value() > 1)
        self.next.setEnabled(n > 0 and self.page.value() < n)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.zoom.currentData() == 0.0 and self.pdf:
            QTimer.singleShot(0, self._show)


def print_pdf(pdf_bytes: bytes, parent=None, printer=None, ask: bool = True) -> int:
    """Print the PDF through Qt's print dialog; returns the pages sent (0 = cancelled).

    ``printer``/``ask``: a ready QPrinter and no dialog (tests, or a repeated print)."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

    pdfium = _pdfium()
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        n = len(doc)
        w_pt, h_pt = doc[0].get_size()
        if printer is None:
            printer = QPrinter(QPrinter.HighResolution)
        printer.setDocName("Lampiran")
        printer.setFullPage(True)                    # the PDF has its own margins
        size = QPageSize(QPageSize.id(_size_points(w_pt, h_pt), QPageSize.Point,
                                      QPageSize.FuzzyOrientationMatch))
        if size.id() == QPageSize.Custom:
            size = QPageSize(_size_points(min(w_pt, h_pt), max(w_pt, h_pt)), QPageSize.Point,
                             "F4", QPageSize.ExactMatch)
        printer.setPageSize(size)
        printer.setPageOrientation(QPageLayout.Landscape if w_pt > h_pt else QPageLayout.Portrait)
        if ask:
            printer.setFromTo(1, n)
            dialog = QPrintDialog(printer, parent)
            dialog.setWindowTitle(dialog.tr("Cetak Lampiran ke Printer"))
            dialog.setOption(QAbstractPrintDialog.PrintPageRange, True)
            dialog.setOption(QAbstractPrintDialog.PrintCollateCopies, True)
            dialog.setMinMax(1, n)
            if dialog.exec() != QPrintDialog.Accepted:
                return 0
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:
            first, last = 1, n
        if printer.printRange() != QPrinter.PageRange:
            first, last = 1, n
        first, last = max(1, first), min(n, last)
        # copies the driver does not make itself are painted again
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        dpi = min(printer.resolution(), PRINT_DPI_MAX)
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("printer")
        sent = 0
        try:
            for copy in range(copies):
                for i in range(first - 1, last):
                    if sent:
                        printer.newPage()
                    page = doc[i]
                    bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True)
                    fmt = (QImage.Format_RGBX8888 if bitmap.n_channels == 4
                           else QImage.Format_RGB888)
                    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                                   fmt)
                    target = printer.pageLayout().fullRectPixels(printer.resolution())
                    painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
                    page.close()
                    sent += 1
        finally:
            painter.end()
        return sent
    finally:
        doc.close()


def _size_points(w: float, h: float):
    from PySide6.QtCore import QSizeF
    return QSizeF(w, h)
