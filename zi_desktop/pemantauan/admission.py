"""What may be attached as evidence: size limits, and the type read from the content.

Limits (each refusal is one sentence the user understands):
- 25 MB a file: a scanned undangan, daftar hadir or notulen is 1–10 MB; 25 MB is also what
  common mail services take as one attachment, so a single piece of evidence can always be
  sent on its own. Larger videos belong in a shared folder, linked from the catatan.
- 1 GB a plan: a year of monthly scans for ~150 langkah aksi stays well below it, the file
  still fits any flash disk (and FAT32's 4 GB limit with room for the backup a migration
  makes beside it), and opening, checking and packing stay fast (bench/bench_pantau.py).

Programs and scripts are refused whatever their name: the first bytes decide (MZ, ELF,
Mach-O, ``#!``, Windows shortcuts, Java archives, MSI packages, HTML with scripts), and so
does the name (``.bat``, ``.js``, ``.exe`` …) because Windows runs by the name. Nothing
attached is ever run by ZI Desktop.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..bounds import MAX_BUKTI, MAX_BUKTI_RENCANA
from ..errors import ZiError

MB = 1024 * 1024
MAX_FILE = MAX_BUKTI            # 25 MB (zi_desktop/bounds.py: the guard holds files to them too)
MAX_PLAN = MAX_BUKTI_RENCANA    # 1 GB
SNIFF_BYTES = 4096

# Names Windows (or a double click elsewhere) would run or interpret as a program.
PROGRAM_SUFFIXES = frozenset("""
.exe .com .scr .pif .cpl .dll .sys .msi .msp .mst .msc .bat .cmd .js .jse .vbs .vbe .wsf .wsh
.ws .ps1 .psm1 .psd1 .ps1xml .hta .lnk .url .scf .reg .inf .jar .class .apk .app .sh .bash
.py .pyw .pl .rb .php .vb .gadget .application .appref-ms .xbap .jnlp .iso .img .vhd .vhdx
""".split())

_MSI_CLSIDS = (bytes.fromhex("84100c0000000000c000000000000046"),   # .msi
               bytes.fromhex("86100c0000000000c000000000000046"),   # .msp
               bytes.fromhex("82100c0000000000c000000000000046"))   # .mst

_MAGIC = [  # (prefix, MIME type) for the types evidence usually has
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"),
    (b"BM", "image/bmp"),
    (b"{\\rtf", "application/rtf"),
    (b"\x1f\x8b", "application/gzip"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"ID3", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
]
_PROGRAM_MAGIC = [
    (b"MZ", "program Windows"),
    (b"\x7fELF", "program Linux"),
    (b"#!", "skrip"),
    (b"\xca\xfe\xba\xbe", "program Java atau macOS"),
    (b"\xfe\xed\xfa\xce", "program macOS"), (b"\xfe\xed\xfa\xcf", "program macOS"),
    (b"\xce\xfa\xed\xfe", "program macOS"), (b"\xcf\xfa\xed\xfe", "program macOS"),
    (b"L\x00\x00\x00\x01\x14\x02\x00", "pintasan Windows"),
    (b"\x00asm", "program WebAssembly"),
]
_SCRIPT_STARTS = ("@echo", "echo off", "<script", "<job", "<package", "<hta:", "wscript.",
                  "createobject(", "powershell", "set-executionpolicy", "invoke-expression",
                  "[version]\r\nsignature", "[version]\nsignature", "windows registry editor")
_ZIP_TYPES = {"word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


@dataclass(frozen=True)
class Admitted:
    path: Path
    nama: str          # the name stored (the file's own name)
    ukuran: int
    jenis: str         # MIME type read from the content


def mb(n: int) -> str:
    return f"{n / MB:.1f}".replace(".", ",") + " MB"


def refuse_program_name(nama: str) -> None:
    suffix = Path(nama).suffix.lower()
    if suffix in PROGRAM_SUFFIXES:
        raise ZiError(f"Berkas \"{nama}\" tidak dapat dilampirkan: berkas {suffix} adalah program "
                      "atau skrip, dan program tidak boleh disimpan sebagai bukti dukung.")


def check_plan_limit(used: int, nama: str, ukuran: int) -> None:
    if used + ukuran > MAX_PLAN:
        raise ZiError(f"Bukti dukung dalam rencana ini sudah {mb(used)}; dengan \"{nama}\" akan melebihi "
                      f"batas {MAX_PLAN // MB} MB per rencana.")


def admit(path, *, used: int = 0) -> Admitted:
    """Check one file before it is attached; ``used`` is the evidence already in the plan."""
    path = Path(path)
    nama = path.name
    if not path.is_file():
        raise ZiError(f"Berkas bukti \"{path}\" tidak ditemukan.")
    refuse_program_name(nama)
    ukuran = path.stat().st_size
    if ukuran == 0:
        raise ZiError(f"Berkas \"{nama}\" kosong (0 byte) dan tidak dapat menjadi bukti dukung.")
    if ukuran > MAX_FILE:
        raise ZiError(f"Berkas \"{nama}\" terlalu besar ({mb(ukuran)}); satu bukti dukung paling "
                      f"besar {MAX_FILE // MB} MB. Perkecil hasil pindaiannya atau bagi menjadi beberapa berkas.")
    check_plan_limit(used, nama, ukuran)
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
            jenis = sniff(head, fh, nama)
    except OSError as err:
        raise ZiError(f"Berkas \"{nama}\" tidak dapat dibaca ({err.strerror or err}).") from None
    return Admitted(path, nama, ukuran, jenis)


def sniff(head: bytes, fh, nama: str) -> str:
    """The MIME type of the content; refuses programs (``fh`` is the open file, for zip and OLE)."""
    for prefix, what in _PROGRAM_MAGIC:
        if head.startswith(prefix):
            raise ZiError(f"Berkas \"{nama}\" tidak dapat dilampirkan: isinya adalah {what}, "
                          "dan program tidak boleh disimpan sebagai bukti dukung.")
    for prefix, jenis in _MAGIC:
        if head.startswith(prefix):
            return jenis
    if head[4:8] == b"ftyp":
        return "video/mp4"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}[head[8:12]]
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(fh, nama)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_type(head, fh, nama)
    if b"\x00" not in head and _is_text(head):
        lowered = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n").lower()
        if lowered.startswith(_SCRIPT_STARTS) or "<script" in lowered:
            raise ZiError(f"Berkas \"{nama}\" tidak dapat dilampirkan: isinya adalah skrip, "
                          "dan program tidak boleh disimpan sebagai bukti dukung.")
        if lowered.startswith(("<!doctype html", "<html")):
            return "text/html"
        return "text/plain"
    return "application/octet-stream"


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as err:
        return err.start >= len(head) - 4  # a character cut at the end of the sniffed bytes


def _zip_type(fh, nama: str) -> str:
    fh.seek(0)
    try:
        names = zipfile.ZipFile(fh).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "application/zip"
    lowered = [n.lower() for n in names]
    if "meta-inf/manifest.mf" in lowered or any(n.endswith(".class") for n in lowered) \
            or "androidmanifest.xml" in lowered:
        raise ZiError(f"Berkas \"{nama}\" tidak dapat dilampirkan: isinya adalah program Java "
                      "atau Android, dan program tidak boleh disimpan sebagai bukti dukung.")
    inner = [n for n in lowered if Path(n).suffix in PROGRAM_SUFFIXES]
    if inner:
        raise ZiError(f"Berkas arsip \"{nama}\" berisi program (\"{inner[0]}\"); program tidak boleh "
                      "disimpan sebagai bukti dukung.")
    for folder, jenis in _ZIP_TYPES.items():
        if any(n.startswith(folder) for n in lowered):
            return jenis
    if "mimetype" in lowered:
        return "application/vnd.oasis.opendocument"
    return "application/zip"


def _ole_type(head: bytes, fh, nama: str) -> str:
    """Old Office files and MSI packages share one container; the root entry's CLSID tells."""
    sector = 1 << int.from_bytes(head[30:32], "little")
    first_dir = int.from_bytes(head[48:52], "little")
    try:
        fh.seek((first_dir + 1) * sector)
        root = fh.read(128)
    except (OSError, ValueError, OverflowError):
        root = b""
    if root[80:96] in _MSI_CLSIDS:
        raise ZiError(f"Berkas \"{nama}\" tidak dapat dilampirkan: isinya adalah paket pemasangan "
                      "program Windows (MSI), dan program tidak boleh disimpan sebagai bukti dukung.")
    return "application/x-ole-storage"  # .doc, .xls, .ppt
