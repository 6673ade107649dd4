"""The province's summary ("rekap"): many received plans read, checked and compared at once.

Each file is opened read-only and validated before anything is read from it; a file that
fails (damaged, altered, another program's database, a newer format …) is listed with its
reason and the others are read on. Nothing here ever writes to a received file.

``summarize(paths)`` gives ``Summary(rows, rejected)``; ``summary_write.write_summary`` writes it
as .xlsx (summary_xlsx) or .pdf (summary_pdf); the command line's glue is ``cli.run_summary``.
"""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..checks import GALAT, PERINGATAN, check_plan
from ..errors import BerkasDitolak, ZiError, berkas_rusak
from ..pemantauan.progress import monitoring_summary
from .pack import PERISTIWA as PACKED

SUFFIX = ".zidb"


@dataclass
class RekapRow:
    """One received plan: who, which decree, how big, how complete."""
    berkas: str                    # the file as found
    nama_berkas: str
    satker: str
    tahun: int
    nomor: str
    tanggal: str                   # ISO, or ""
    area: list[dict]               # [{"kode", "nama", "komponen", "indikator", "aksi"}]
    komponen: int
    indikator: int
    aksi: int
    aksi_berjadwal: int            # langkah aksi with at least one month
    aksi_berbukti: int             # langkah aksi with bukti fisik
    persen_berjadwal: float        # 0–100, one decimal (0 when there is no langkah aksi)
    persen_berbukti: float
    galat: int                     # findings of ``check``
    peringatan: int
    komponen_hilang: list[str] | None  # standard-template komponen not found; None: no template
    ganda: bool = False            # another file holds the same unit and year
    terbaru: bool = True           # the newest of its unit and year (by decree date, then mtime)
    diubah: str = ""               # file modification time, ISO
    dikirim: str = ""              # last "dikirim ke provinsi" in the file's history, if any
    persen_realisasi: float = 0.0  # monitoring to date: % of the planned months realised (pemantauan)
    terlambat: int = 0             # planned months passed without realisasi (or only "belum")
    bukti_dukung: int = 0          # evidence files in the plan
    lke_prediksi: float = 0.0      # Penilaian Mandiri: predicted LKE total if the plan is carried out
    lke_predikat: str = ""         # its predicate: "WBBM" | "WBK" | "Belum WBK"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Ditolak:
    """A file that could not be used, and why (one Indonesian sentence)."""
    berkas: str
    alasan: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Summary:
    rows: list[RekapRow] = field(default_factory=list)
    rejected: list[Ditolak] = field(default_factory=list)

    @property
    def found(self) -> int:
        return len(self.rows) + len(self.rejected)

    def as_dict(self) -> dict:
        return {"dibaca": len(self.rows), "ditolak_jumlah": len(self.rejected),
                "rekap": [r.as_dict() for r in self.rows],
                "ditolak": [d.as_dict() for d in self.rejected]}


# --- finding the files --------------------------------------------------------------------

def _skip(name: str) -> bool:
    """Lock files of an open plan (``~$x.zidb``) and our own half-written temporaries."""
    return name.startswith("~$") or name.startswith(".zi-")


def find_files(paths: Iterable) -> tuple[list[Path], list[Ditolak]]:
    """Every ``*.zidb`` under the given folders (recursively) plus the files named, each once."""
    found: list[Path] = []
    missing: list[Ditolak] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        key = os.path.normcase(os.path.realpath(p))
        if key not in seen:
            seen.add(key)
            found.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            inside = []
            for folder, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                inside.extend(Path(folder) / f for f in files
                              if f.lower().endswith(SUFFIX) and not _skip(f))
            for f in sorted(inside):
                add(f)
        elif p.is_file():
            add(p)
        else:
            missing.append(Ditolak(str(p), f"Berkas atau folder \"{p}\" tidak ditemukan."))
    return found, missing


# --- reading one file ---------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


_templates: dict[int, object] = {}


def _template_komponen(tahun: int):
    """[(area name normalised, [(label "I.2 Nama", name normalised)])] of the standard
    template for ``tahun``; None when the template does not cover that year."""
    if tahun in _templates:
        return _templates[tahun]
    from ..template import template_plan
    try:
        plan = template_plan("standar", tahun, "")
    except ZiError:  # a year outside the template's range: "unknown", not a refusal of the file
        result = None
    else:
        from ..model import romawi
        result = []
        for a_pos, area in enumerate(plan.get("area", []), 1):
            kode = area.get("kode") or romawi(a_pos)
            result.append((_norm(area.get("nama", "")),
                           [(f"{kode}.{k_pos} {k.get('nama', '')}", _norm(k.get("nama", "")))
                            for k_pos, k in enumerate(area.get("komponen", []), 1)]))
    _templates[tahun] = result
    return result


def missing_komponen(plan: dict, template) -> list[str] | None:
    """Template komponen absent from the plan, compared case- and space-insensitively within
    the area of the same name (an area the plan names differently: anywhere in the plan)."""
    if template is None:
        return None
    by_area = {}
    everywhere = set()
    for area in plan["area"]:
        names = {_norm(k["nama"]) for k in area["komponen"]}
        by_area.setdefault(_norm(area["nama"]), set()).update(names)
        everywhere |= names
    out = []
    for area_name, komponen in template:
        have = by_area.get(area_name, everywhere)
        out.extend(label for label, name in komponen if name not in have)
    return out


def _short_reason(message: str, path: Path) -> str:
    """The refusal sentence names the file by its name only (the full path is in its column)."""
    return message.replace(f"\"{path}\"", f"\"{path.name}\"")


def read_one(path: Path) -> RekapRow | Ditolak:
    """Open ``path`` read-only, validate it, and summarise it — or say why not."""
    from ..document import Dokumen
    try:
        doc = Dokumen.open(path, readonly=True, once=True)
    except BerkasDitolak as err:
        return Ditolak(str(path), _short_reason(err.message, path))
    except ZiError as err:
        return Ditolak(str(path), _short_reason(err.message, path))
    except sqlite3.Error:
        return Ditolak(str(path), _short_reason(berkas_rusak(path).message, path))
    except OSError as err:
        return Ditolak(str(path), f"Berkas \"{path.name}\" tidak dapat dibaca ({err.strerror or err}).")
    except Exception as err:  # noqa: BLE001 - never "tidak terduga" for the whole rekap
        return Ditolak(str(path), f"Berkas \"{path.name}\" tidak dapat dibaca ({type(err).__name__}).")
    try:
        conn = doc.conn
        began = not conn.in_transaction  # once: still in the transaction it was validated in
        if began:
            conn.execute("BEGIN")  # one consistent read
        try:
            plan = doc.to_dict(ids=True)
            sent = doc.last_event(PACKED)
        finally:
            if began:
                conn.execute("COMMIT")
        mtime = _dt.datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")
    except (sqlite3.Error, OSError):
        return Ditolak(str(path), _short_reason(berkas_rusak(path).message, path))
    finally:
        doc.close()
    try:
        return _row(path, plan, mtime, sent)
    except Exception as err:  # noqa: BLE001 - one bad file never stops the others' rekap
        return Ditolak(str(path), f"Berkas \"{path.name}\" tidak dapat direkap ({type(err).__name__}).")


def _row(path: Path, plan: dict, mtime: str, sent: str) -> RekapRow:
    r = plan["rencana"]
    areas = []
    berjadwal = berbukti = 0
    for area in plan["area"]:
        n_ind = n_aksi = 0
        for k in area["komponen"]:
            n_ind += len(k["indikator"])
            for i in k["indikator"]:
                n_aksi += len(i["aksi"])
                for x in i["aksi"]:
                    berjadwal += bool(x["bulan"])
                    berbukti += bool(x["bukti_fisik"].strip())
        areas.append({"kode": area["kode"], "nama": area["nama"], "komponen": len(area["komponen"]),
                      "indikator": n_ind, "aksi": n_aksi})
    total = {key: sum(a[key] for a in areas) for key in ("komponen", "indikator", "aksi")}
    findings = check_plan(plan)
    pct = (lambda n: round(100.0 * n / total["aksi"], 1) if total["aksi"] else 0.0)
    return RekapRow(
        berkas=str(path), nama_berkas=path.name, satker=r["satker"], tahun=int(r["tahun"]),
        nomor=r["nomor"], tanggal=r["tanggal"], area=areas, **total,
        aksi_berjadwal=berjadwal, aksi_berbukti=berbukti,
        persen_berjadwal=pct(berjadwal), persen_berbukti=pct(berbukti),
        galat=sum(f.tingkat == GALAT for f in findings),
        peringatan=sum(f.tingkat == PERINGATAN for f in findings),
        komponen_hilang=missing_komponen(plan, _template_komponen(int(r["tahun"]))),
        diubah=mtime, dikirim=sent, **_lke_prediksi(plan), **monitoring_summary(plan))


def _lke_prediksi(plan: dict) -> dict:
    from ..lke.plan import plan_scores
    from ..lke.score import predikat_text
    aim = plan_scores(plan)["prediksi"]
    return {"lke_prediksi": round(aim.total, 2), "lke_predikat": predikat_text(aim.predikat)}


# --- the whole summary --------------------------------------------------------------------

def _decree_date(row: RekapRow) -> str:
    try:
        return _dt.date.fromisoformat(row.tanggal.strip()).isoformat()
    except ValueError:
        return ""  # no or unreadable date: older than any dated decree


def mark_duplicates(rows: list[RekapRow]) -> None:
    """Same unit (name compared case/space-insensitively) and year in several files: all are
    listed, ``ganda`` set on each, ``terbaru`` only on the newest by decree date, then by file
    modification time."""
    groups: dict[tuple[str, int], list[RekapRow]] = {}
    for row in rows:
        key = _norm(row.satker)
        if key:  # a plan without a unit name cannot be matched to another
            groups.setdefault((key, row.tahun), []).append(row)
    for group in groups.values():
        if len(group) < 2:
            continue
        newest = max(group, key=lambda r: (_decree_date(r), r.diubah, r.berkas))
        for row in group:
            row.ganda = True
            row.terbaru = row is newest


def summarize(paths: Iterable, *, progress: Callable[[int, int], None] | None = None) -> Summary:
    """Read every plan found under ``paths`` (folders recursively, or files).

    ``progress(done, total)`` is called after each file (for a progress bar). Never raises
    for a bad file: it goes into ``rejected`` with its reason.
    """
    files, rejected = find_files(paths)
    return summarize_files(files, rejected, progress=progress)


def summarize_files(files: list[Path], rejected: list[Ditolak] | None = None, *,
                    progress: Callable[[int, int], None] | None = None) -> Summary:
    rejected = list(rejected or [])
    _templates.clear()  # the template is read again for each summary
    rows: list[RekapRow] = []
    for n, path in enumerate(files, 1):
        result = read_one(path)
        (rows if isinstance(result, RekapRow) else rejected).append(result)
        if progress is not None:
            progress(n, len(files))
    mark_duplicates(rows)
    rows.sort(key=lambda r: (_norm(r.satker), r.tahun, not r.terbaru, r.nama_berkas))
    return Summary(rows, rejected)


# --- for the writers and the window ---------------------------------------------------------

def area_codes(rows: list[RekapRow]) -> list[str]:
    """Area codes present in any row, in Roman order (I, II, … VII …)."""
    from ..model import romawi
    codes = {a["kode"] for r in rows for a in r.area}
    order = {romawi(n): n for n in range(1, 40)}
    return sorted(codes, key=lambda c: (order.get(c, 99), c))


def status(row: RekapRow) -> str:
    if not row.ganda:
        return ""
    return "ganda, terbaru" if row.terbaru else "ganda, lebih lama"


__all__ = ["Summary", "RekapRow", "Ditolak", "summarize", "summarize_files", "find_files", "read_one",
           "missing_komponen", "mark_duplicates", "area_codes", "status"]
