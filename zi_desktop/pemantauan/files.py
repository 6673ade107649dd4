"""Evidence out of the plan: "Keluarkan semua" as a folder tree a TPI can walk, and the
temporary copy "Buka" hands to the system viewer (nothing attached is ever run by us).

Tree: ``<DIR>/I Manajemen Perubahan/I.1 Penyusunan Tim Kerja/I.1.1 Unit kerja telah …/
I.1.1.1 2025-03 undangan-rapat.pdf`` — every name starts with the item's number, so the
folders sort as the Lampiran reads, and a file names its langkah aksi and month. Names are
cut short to keep Windows paths below 260 characters.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

from ..errors import ZiError
from . import store
from .progress import walk

_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_name(text: str, limit: int = 40) -> str:
    """A file or folder name that works on Windows and FAT flash disks (spaces kept, readable)."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    text = _BAD.sub("-", text).strip(" .-")
    if len(text) > limit:
        cut = text[:limit]
        text = (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut).strip(" .-")
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text or "_"


def _file_name(jalur: str, bukti: dict) -> str:
    stem, dot, suffix = bukti["nama"].rpartition(".")
    if not dot:
        stem, suffix = bukti["nama"], ""
    head = f"{jalur} {bukti['bulan']}".strip()
    name = f"{head} {safe_name(stem, 50)}"
    return name + (f".{safe_name(suffix, 10)}" if suffix else "")


def _unique(folder: Path, name: str, taken: set[str]) -> Path:
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, n = name, 2
    while candidate.lower() in taken:
        candidate = f"{stem} ({n})" + (f".{suffix}" if suffix else "")
        n += 1
    taken.add(candidate.lower())
    return folder / candidate


def keluarkan_semua(doc, target) -> list[Path]:
    """Write every evidence file of the plan under ``target`` (a new or empty folder),
    byte for byte (checked against sha256). Returns the files written."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ZiError(f"Folder \"{target}\" sudah berisi berkas; pilih folder baru atau yang kosong "
                      "agar tidak ada yang tertimpa.")
    plan = doc.to_dict(ids=True)
    jobs = []
    for jalur, area, komp, ind, aksi in walk(plan):
        if not aksi.get("bukti_dukung"):
            continue
        a_code, k_code, i_code = jalur.split(".")[0], ".".join(jalur.split(".")[:2]), ".".join(jalur.split(".")[:3])
        folder = (target / safe_name(f"{a_code} {area['nama'].title()}")
                  / safe_name(f"{k_code} {komp['nama']}") / safe_name(f"{i_code} {ind['teks']}"))
        for bukti in aksi["bukti_dukung"]:
            jobs.append((folder, jalur, bukti))
    missing = [b["nama"] for _f, _j, b in jobs if not store.has_content(doc.evidence_conn(), b["id"])]
    if missing:
        raise ZiError(f"Berkas ini tidak memuat isi {len(missing)} bukti dukung (salinan dikirim tanpa "
                      "bukti); minta salinan lengkap dari pengirimnya.")
    written: list[Path] = []
    taken: dict[Path, set[str]] = {}
    for folder, jalur, bukti in jobs:
        folder.mkdir(parents=True, exist_ok=True)
        path = _unique(folder, _file_name(jalur, bukti), taken.setdefault(folder, set()))
        store.write_file(doc.evidence_conn(), bukti["id"], path, bukti["sha256"])
        written.append(path)
    return written


def temp_copy(doc, bukti_id: int) -> Path:
    """A copy of one evidence file in a fresh temp folder, under its own name, for the viewer."""
    row = doc.conn.execute("SELECT nama, sha256 FROM bukti WHERE id = ?", (bukti_id,)).fetchone()
    if row is None:
        raise ZiError("Bukti dukung yang dimaksud tidak ada lagi dalam rencana.")
    from .admission import refuse_program_name
    refuse_program_name(row[0])  # never hand a program name to the system, whatever the file
    base = Path(tempfile.gettempdir()) / "zi-desktop-bukti"
    base.mkdir(exist_ok=True)
    _forget_old(base)
    folder = Path(tempfile.mkdtemp(prefix="buka-", dir=base))
    path = folder / safe_name(row[0], 80)
    store.write_file(doc.evidence_conn(), bukti_id, path, row[1])
    return path


def _forget_old(base: Path, days: float = 1.0) -> None:
    """Copies opened more than a day ago go (a viewer may still hold today's)."""
    import shutil
    import time
    limit = time.time() - days * 86400
    for folder in base.glob("buka-*"):
        try:
            if folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass
