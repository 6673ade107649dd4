"""Painting of the month grid: Gantt bars in the month cells, headings, the Target Waktu cell.

One delegate paints every cell (no widget per cell). A planned month is a filled bar; planned
neighbours join into one bar across the months, so "Maret - Juni" reads as one run. The
current month's column has a warm tint; the keyboard's current cell has a frame.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .jadwal_model import FIRST_MONTH_COL, TARGET_COL, JadwalModel
from .jadwal_realisasi import paint_realisasi

# One palette for the grid; quiet colours so the bars are what the eye finds first.
BAR = QColor("#2f6db5")
BAR_PENDING = QColor("#7fa7d8")
BAR_TICK = QColor("#ffffff")
HOVER = QColor("#2f6db5")
GRID = QColor("#e3e7ed")
GRID_YEAR = QColor("#9aa6b6")
TODAY_TINT = QColor(255, 196, 61, 46)
TODAY_LINE = QColor("#e0a100")
SELECTED_TINT = QColor("#dcebfb")
FOCUS = QColor("#1b4f8f")
HEADING_BG = {"area": QColor("#dbe4ef"), "komponen": QColor("#ecf1f7"), "indikator": QColor("#f8fafc")}
HEADING_FG = {"area": QColor("#14283f"), "komponen": QColor("#1f3550"), "indikator": QColor("#3c4b5d")}
TEXT = QColor("#1d2733")
MUTED = QColor("#6b7785")
BADGE_BG = QColor("#fdf0d5")
BADGE_FG = QColor("#8a5a00")
BADGE_EDGE = QColor("#ecc97a")

_SELECTED = QStyle.State_Selected.value       # option.state tested as an int (enum flags are slow)
_MOUSE_OVER = QStyle.State_MouseOver.value
# flags made once: combining Qt's enum flags costs ~6 µs a time, more than the rest of a cell
_ONE_LINE = Qt.AlignVCenter | Qt.AlignLeft | Qt.TextSingleLine
_ELIDE = Qt.ElideRight
_CENTER = Qt.AlignCenter
_GRID_PEN = QPen(GRID)
_YEAR_PEN = QPen(GRID_YEAR)
_DASH_PEN = QPen(BAR, 1, Qt.DashLine)
_TICK_PEN = QPen(BAR_TICK, 1.6, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
_LOOKS: dict[tuple, QPixmap] = {}   # a month cell's look → its pixmap (_paint_month), for every grid


class JadwalDelegate(QStyledItemDelegate):
    def __init__(self, view, parent=None) -> None:
        super().__init__(parent)
        self._view = view          # the QTreeView: current cell, focus, preview of a drag
        self._heading_fonts: dict[tuple[str, str], tuple[QFont, QFontMetrics]] = {}

    # --- sizes --------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = option.fontMetrics
        return QSize(fm.horizontalAdvance("M") * 3, fm.height() + 12)

    # --- painting -----------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model: JadwalModel = index.model()
        node = model.node(index)
        col = index.column()
        if node.level != "aksi":
            self._paint_heading(painter, option, index, model, node)
        elif col >= FIRST_MONTH_COL:
            self._paint_month(painter, option, index, model, node, col)
        elif col == TARGET_COL:
            self._paint_target(painter, option, index, node)
        else:
            self._paint_text(painter, option, index, model, node)

    def _background(self, painter: QPainter, option, selected_ok: bool = True) -> None:
        if selected_ok and option.state.value & _SELECTED:
            painter.fillRect(option.rect, SELECTED_TINT)
        r = option.rect
        painter.setPen(GRID)
        painter.drawLine(r.left(), r.bottom(), r.right(), r.bottom())

    def _paint_text(self, painter, option, index, model, node) -> None:
        painter.save()
        self._background(painter, option)
        r = option.rect.adjusted(4, 0, -6, 0)
        painter.setPen(TEXT)
        painter.setFont(option.font)
        text = option.fontMetrics.elidedText(model.label(node), _ELIDE, r.width())
        painter.drawText(r, _ONE_LINE, text)
        if self._is_current(index) and self._view.hasFocus():
            self._focus_frame(painter, option.rect.adjusted(1, 1, -1, -1))
        painter.restore()

    def _paint_target(self, painter, option, index, node) -> None:
        painter.save()
        self._background(painter, option)
        r = option.rect.adjusted(6, 0, -6, 0)
        fm = option.fontMetrics
        text = " ".join(node.target.split())
        if not node.months:
            belum = QCoreApplication.translate("JadwalDelegate", "bulan belum ditentukan")
            small = QFont(option.font)
            small.setPointSizeF(max(6.5, option.font.pointSizeF() * 0.82))
            sfm = QFontMetrics(small)
            bw = min(sfm.horizontalAdvance(belum) + 12, r.width())   # within its own cell
            bh = sfm.height() + 4
            if text:    # the marker keeps its words unless the text would get < 70 px
                bw = min(bw, max(r.width() - 70, r.width() // 2))
            badge = QRect(r.right() - bw + 1, r.center().y() - bh // 2 + 1, bw, bh)
            if badge.width() > 16:
                painter.setRenderHint(QPainter.Antialiasing)
                painter.setPen(QPen(BADGE_EDGE, 1))
                painter.setBrush(BADGE_BG)
                painter.drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), bh / 2, bh / 2)
                painter.setFont(small)
                painter.setPen(BADGE_FG)
                painter.drawText(badge, _CENTER, sfm.elidedText(belum, _ELIDE, badge.width() - 10))
                r.setRight(badge.left() - 6)
        if text:
            painter.setFont(option.font)
            painter.setPen(TEXT)
            painter.drawText(r, _ONE_LINE, fm.elidedText(text, _ELIDE, max(0, r.width())))
        if self._is_current(index) and self._view.hasFocus():
            self._focus_frame(painter, option.rect.adjusted(1, 1, -1, -1))
        painter.restore()

    def _paint_heading(self, painter, option, index, model, node) -> None:
        # Column 0 of a heading row spans the whole row (the view sets it); other cells of a
        # heading row are never shown.
        painter.save()
        painter.fillRect(option.rect, HEADING_BG[node.level])
        if option.state.value & _SELECTED:
            painter.fillRect(option.rect, QColor(47, 109, 181, 40))
        r = option.rect
        painter.setPen(GRID)
        painter.drawLine(r.left(), r.bottom(), r.right(), r.bottom())
        font, fm = self._heading_font(node.level, option.font)
        painter.setFont(font)
        painter.setPen(HEADING_FG[node.level])
        tr = r.adjusted(4, 0, -8, 0)
        painter.drawText(tr, _ONE_LINE, fm.elidedText(model.label(node), _ELIDE, tr.width()))
        if self._is_current(index) and self._view.hasFocus():
            self._focus_frame(painter, r.adjusted(1, 1, -1, -1))
        painter.restore()

    def _heading_font(self, level: str, base: QFont) -> tuple[QFont, QFontMetrics]:
        """A heading level's font (area bold, komponen demibold, indikator italic) and its
        metrics, made once per level and view font."""
        key = (level, base.key())
        made = self._heading_fonts.get(key)
        if made is None:
            font = QFont(base)
            if level == "area":
                font.setBold(True)
                font.setLetterSpacing(QFont.AbsoluteSpacing, 0.3)
            elif level == "komponen":
                font.setWeight(QFont.DemiBold)
            else:
                font.setItalic(True)
            made = self._heading_fonts[key] = (font, QFontMetrics(font))
        return made

    def _paint_month(self, painter, option, index, model, node, col) -> None:
        # Called for every visible month cell on each repaint (300+ cells on a 1366 screen):
        # a cell's look depends on a few facts only, so each distinct look is drawn once into
        # a pixmap and every cell that looks so is one drawPixmap (a plan's cells share a
        # handful of looks); the flag tests are done on plain ints.
        r = option.rect
        state = option.state.value
        planned = model.planned(node)
        months = model.months
        i = col - FIRST_MONTH_COL
        ym = months[i]
        in_file = ym in node.months
        is_planned = ym in planned
        hover = bool(not in_file and not is_planned and state & _MOUSE_OVER and not self._view.dragging())
        status, late = model.realisasi_mark(node, ym)
        last = i == len(months) - 1
        joins_left = is_planned and i > 0 and months[i - 1] in planned
        joins_right = is_planned and not last and months[i + 1] in planned
        look = (r.width(), r.height(), painter.device().devicePixelRatioF(), bool(state & _SELECTED),
                col == model.current_month_column, i == 0 or ym.endswith("-01"), last, is_planned,
                in_file, joins_left, joins_right, hover, status, late)
        pixmap = _LOOKS.get(look)
        if pixmap is None:
            if len(_LOOKS) > 1024:   # column widths changed many times: start again
                _LOOKS.clear()
            pixmap = _LOOKS[look] = _cell_pixmap(look)
        painter.drawPixmap(r.topLeft(), pixmap)
        if self._is_current(index) and self._view.hasFocus():
            painter.save()
            self._focus_frame(painter, r.adjusted(1, 1, -1, -1))
            painter.restore()

    def _is_current(self, index: QModelIndex) -> bool:
        # asked by every painted cell: QModelIndex's own == (row, column, id and model; an
        # invalid current index equals no cell), one call instead of six
        return self._view.currentIndex() == index

    @staticmethod
    def _focus_frame(painter: QPainter, rect: QRect) -> None:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(FOCUS, 2))
        painter.setBrush(Qt.NoBrush)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)


def _cell_pixmap(look: tuple) -> QPixmap:
    """One month cell's look drawn on a transparent pixmap of the cell's size."""
    (w, h, dpr, selected, today, year_line, last, is_planned, in_file, joins_left, joins_right,
     hover, status, late) = look
    pixmap = QPixmap(max(1, round(w * dpr)), max(1, round(h * dpr)))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    r = QRect(0, 0, w, h)
    if selected:
        painter.fillRect(r, SELECTED_TINT)
    if today:
        painter.fillRect(r, TODAY_TINT)
    # grid: a line between months, a stronger one where a new year starts
    painter.setPen(_GRID_PEN)
    painter.drawLine(r.left(), r.bottom(), r.right(), r.bottom())
    painter.setPen(_YEAR_PEN if year_line else _GRID_PEN)
    painter.drawLine(r.left(), r.top(), r.left(), r.bottom())
    if last:
        painter.setPen(_GRID_PEN)
        painter.drawLine(r.right(), r.top(), r.right(), r.bottom())
    if is_planned or in_file or hover or status is not None or late:
        painter.setRenderHint(QPainter.Antialiasing)
        pad_y = max(4, r.height() // 4)
        bar = QRectF(r).adjusted(0, pad_y, 0, -pad_y)
        if is_planned:
            radius = bar.height() / 2.6
            # planned neighbours join: the bar runs past this cell's edge and is clipped
            # there, so a run of months is one unbroken bar with round ends only at its
            # first and last
            left = bar.left() - radius - 2 if joins_left else bar.left() + 3
            right = bar.right() + radius + 2 if joins_right else bar.right() - 3
            body = QRectF(left, bar.top(), right - left, bar.height())
            painter.save()
            painter.setClipRect(r, Qt.IntersectClip)
            painter.setPen(Qt.NoPen)
            # while dragging, a month that is about to be added is lighter until the release
            painter.setBrush(BAR if in_file else BAR_PENDING)
            painter.drawRoundedRect(body, radius, radius)
            painter.restore()
            # a small check mark: the Lampiran's ✓ in the same place
            cx, cy, s = QRectF(r).center().x(), bar.center().y(), min(bar.height() * 0.28, 4.5)
            painter.setPen(_TICK_PEN)
            painter.setBrush(Qt.NoBrush)
            painter.drawPolyline([QPointF(cx - s, cy), QPointF(cx - s * 0.3, cy + s * 0.7),
                                  QPointF(cx + s, cy - s * 0.75)])
        elif in_file or hover:
            # about to be cleared by the drag (a ghost of the bar), or under the pointer
            painter.setPen(_DASH_PEN)
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(bar.adjusted(3.5, 0.5, -3.5, -0.5), 3, 3)
        paint_realisasi(painter, r, bar, status, late, planned=is_planned)
    painter.end()
    return pixmap
