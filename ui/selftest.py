"""``zi-desktop --self-test``: proves a (frozen) build has every part it needs.

Offscreen, with settings in a temporary folder: the bundled files are there, the demo
plan opens in the main window with a painted tree, its Lampiran prints to a PDF whose
first page the preview renders, and a packed copy validates. Prints one line per step; exits 1 with the reason at the first
failure.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


def self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="zi-uji-") as folder:
        work = Path(folder)
        step = "memulai"
        try:
            step = "berkas bawaan"
            _check_bundle()
            print("ok  berkas bawaan lengkap (font, templat, rencana contoh, migrasi)")

            step = "jendela utama"
            from PySide6.QtCore import QSettings
            from .app import make_app
            QSettings.setDefaultFormat(QSettings.IniFormat)
            QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(work / "pengaturan"))
            app = make_app()
            from zi_desktop.demo import demo_copy
            from .main_window import MainWindow
            plan_path = demo_copy()
            window = MainWindow()
            if not window.open_path(str(plan_path)):
                raise RuntimeError("rencana contoh tidak dapat dibuka")
            window.show()
            app.processEvents()
            rows = window.view.tree.model().rowCount()
            if rows < 1:
                raise RuntimeError("pohon rencana kosong")
            print(f"ok  jendela utama menampilkan rencana contoh ({rows} area)")

            step = "cetak Lampiran"
            from zi_desktop.lampiran import build_lampiran
            plan = window.doc.to_dict()
            pdf = work / "lampiran.pdf"
            pages = build_lampiran(plan, pdf).pages
            if pages < 1 or not pdf.read_bytes().startswith(b"%PDF"):
                raise RuntimeError("PDF tidak terbentuk")
            print(f"ok  Lampiran dicetak ({pages} halaman)")

            step = "pratinjau cetak"
            from .print_preview import render_page
            image = render_page(pdf.read_bytes(), 0, 0.5)
            if image.isNull() or image.width() < 100:
                raise RuntimeError("halaman pratinjau kosong")
            print(f"ok  pratinjau halaman 1 ({image.width()}×{image.height()} piksel)")

            step = "kirim ke provinsi"
            from zi_desktop.document import Dokumen
            from zi_desktop.exchange.pack import pack
            packed = pack(plan_path, work / "kiriman.zidb")
            with Dokumen.open(packed, readonly=True) as copy:
                if copy.to_dict() != plan:
                    raise RuntimeError("salinan tidak sama dengan aslinya")
            print("ok  salinan untuk provinsi tervalidasi")
            window.close()
            window.close_document()
        except Exception as err:  # noqa: BLE001 — the self-test reports, never crashes
            print(f"GAGAL pada langkah '{step}': {type(err).__name__}: {err}", file=sys.stderr)
            if os.environ.get("ZI_DEBUG"):
                traceback.print_exc()
            return 1
    print(f"Uji mandiri berhasil dalam {time.perf_counter() - started:.2f} detik.")
    return 0


def _check_bundle() -> None:
    from zi_desktop.paths import db_dir, resource
    needed = [resource("fonts", "DejaVuSans.ttf"), resource("fonts", "DejaVuSans-Bold.ttf"),
              resource("fonts", "LICENSE-DejaVu.txt"), resource("template", "standar.json"),
              resource("demo", "contoh.json"), resource("icons", "zi-desktop.png"),
              db_dir() / "migrations" / "0001_awal.sql"]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise FileNotFoundError("tidak ada: " + ", ".join(missing))
