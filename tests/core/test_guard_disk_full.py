"""A full disk around every writer: "Disk penuh" in one sentence, exit 2, nothing half-written
under the target's name, the previous file kept, no temporaries left. On a real, small tmpfs
when this machine allows mounting one; by injecting ENOSPC otherwise (and always, too)."""

from __future__ import annotations

import errno
import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from zi_desktop import atomic
from zi_desktop.launch import main
from zi_desktop.document import Dokumen
from zi_desktop.edits import SetField
from zi_desktop.errors import GagalSimpan, ZiError

from plans import generated_plan, small_plan


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "rencana.zidb"
    Dokumen.create_from_plan(path, generated_plan(60)).close()
    return path


def fill(path: Path, room: int = 0) -> None:
    """Write ``path`` until the disk is full, then give back ``room`` bytes."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    size = 0
    try:
        while True:
            size += os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    os.ftruncate(fd, max(0, size - room))
    os.close(fd)


@contextmanager
def tmpfs(folder: Path, size: str):
    """A small tmpfs mounted at ``folder`` (skips where mounting is not allowed)."""
    folder.mkdir()
    if os.name == "nt" or subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                                         capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def full_disk(tmp_path):
    """A 2 MB tmpfs (a new plan of 16 KB pages and its journal need ~0.7 MB) with no room left."""
    with tmpfs(tmp_path / "penuh", "2m") as mnt:
        fill(mnt / "pengisi")
        yield mnt


def writers(plan: Path, out: Path) -> dict[str, list[str]]:
    return {
        "export": ["export", str(plan), "-o", str(out / "ekspor.xlsx")],
        "pdf": ["pdf", str(plan), "-o", str(out / "lampiran.pdf")],
        "pack": ["pack", str(plan), "-o", str(out / "kirim.zidb")],
        "summary xlsx": ["summary", str(plan), "-o", str(out / "rekap.xlsx")],
        "summary pdf": ["summary", str(plan), "-o", str(out / "rekap.pdf")],
        "new --from": ["new", str(out / "tahun-depan.zidb"), "--from", str(plan)],
        "new": ["new", str(out / "baru.zidb")],
    }


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # openpyxl's zip on ENOSPC
def test_every_writer_says_disk_full_on_a_real_full_disk(plan, full_disk, capsys):
    before = set(os.listdir(full_disk))
    for verb, argv in writers(plan, full_disk).items():
        code = main(argv)
        err = capsys.readouterr().err
        assert code == 2, (verb, err)
        assert err.startswith("Disk penuh"), (verb, err)
        assert len(err.strip().splitlines()) == 1
        assert set(os.listdir(full_disk)) == before, verb     # nothing half-written, no temporary


def test_an_edit_on_a_full_disk_is_refused_and_the_plan_kept(full_disk):
    path = full_disk / "rencana.zidb"
    (full_disk / "pengisi").unlink()
    Dokumen.create_from_plan(path, small_plan()).close()
    fill(full_disk / "pengisi")                    # fill it again
    doc = Dokumen.open(path)
    try:
        before = doc.to_dict()
        with pytest.raises(GagalSimpan, match="^Disk penuh — perubahan ini tidak tersimpan"):
            doc.apply(SetField("aksi", 1, "langkah", "panjang sekali " * 6000))
        assert not doc.conn.in_transaction and not doc.readonly
        assert doc.to_dict() == before
    finally:
        doc.close()
    with Dokumen.open(path, readonly=True) as again:
        assert again.to_dict() == before


def test_injected_enospc_keeps_the_previous_file(plan, tmp_path, monkeypatch, capsys):
    out = tmp_path / "keluaran"
    out.mkdir()
    for name in ("ekspor.xlsx", "lampiran.pdf", "rekap.xlsx"):
        (out / name).write_bytes(b"versi lama")

    def no_space(*args, **kwargs):
        target = args[-1] if args and isinstance(args[-1], (str, Path)) else args[0]
        Path(target).write_bytes(b"setengah")       # some bytes made it, then the disk was full
        raise OSError(errno.ENOSPC, "No space left on device")

    import openpyxl
    import zi_desktop.lampiran as lampiran
    monkeypatch.setattr(openpyxl.Workbook, "save", lambda self, filename: no_space(filename))
    monkeypatch.setattr(lampiran, "build_lampiran", lambda plan, out, **kw: no_space(out))
    for verb in ("export", "pdf", "summary xlsx"):
        assert main(writers(plan, out)[verb]) == 2
        assert capsys.readouterr().err.startswith("Disk penuh"), verb
    for name in ("ekspor.xlsx", "lampiran.pdf", "rekap.xlsx"):
        assert (out / name).read_bytes() == b"versi lama"
    assert sorted(os.listdir(out)) == ["ekspor.xlsx", "lampiran.pdf", "rekap.xlsx"]


def test_leftovers_of_killed_runs_are_cleaned_but_never_a_live_ones(tmp_path):
    dead = tmp_path / ".zi-kirim-mati.zidb"
    dead.write_bytes(b"sisa")
    young = tmp_path / ".zi-baru-baru.zidb"
    young.write_bytes(b"sedang ditulis?")
    mine = tmp_path / "rencana.zidb"
    mine.write_bytes(b"bukan sementara")
    old = os.path.getmtime(dead) - atomic.STALE_SECONDS - 5
    os.utime(dead, (old, old))
    with atomic.write_beside(tmp_path / "hasil.txt") as tmp:
        live = tmp  # a writer at work: its temporary is held
        os.utime(live, (old, old))
        assert atomic.clean_leftovers(tmp_path) == [] if os.name != "nt" else True
        tmp.write_text("selesai")
    assert not dead.exists() and young.exists() and mine.exists()
    assert (tmp_path / "hasil.txt").read_text() == "selesai"
    assert not live.exists()


def test_write_beside_refuses_an_existing_target_when_told(tmp_path):
    target = tmp_path / "ada.zidb"
    target.write_bytes(b"punya orang")
    with pytest.raises(ZiError, match="sudah ada"):
        with atomic.write_beside(target, overwrite=False):
            pass
    assert target.read_bytes() == b"punya orang"


@pytest.fixture
def small_mount(tmp_path):
    """A small tmpfs this test may remount read-only."""
    with tmpfs(tmp_path / "flashdisk", "4m") as mnt:
        yield mnt


def remount_readonly(mnt: Path) -> None:
    assert subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True).returncode == 0


def test_a_read_only_medium(small_mount, plan, capsys):
    """(A file turning read-only under an open plan: tests/ui/test_guard_edit_failures.py.)"""
    path = small_mount / "rencana.zidb"
    Dokumen.create_from_plan(path, small_plan()).close()
    remount_readonly(small_mount)                      # e.g. the flash disk's lock switch
    with Dokumen.open(path) as doc:                    # opens read-only, and says why
        assert doc.readonly and "hanya bisa dibaca" in doc.readonly_reason
        with pytest.raises(ZiError, match="Perubahan tidak disimpan"):
            doc.apply(SetField("aksi", 1, "langkah", "tidak jadi"))
    for verb, argv in writers(plan, small_mount).items():
        assert main(argv) == 2, verb
        err = capsys.readouterr().err
        assert "tidak dapat ditulis" in err and len(err.strip().splitlines()) == 1, (verb, err)
    assert main(["info", str(path)]) == 0


def test_a_plan_locked_by_another_program(plan, tmp_path, monkeypatch, capsys):
    import sqlite3
    from zi_desktop import bounds
    monkeypatch.setattr(bounds, "BUSY_MS", 100)
    other = sqlite3.connect(plan, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")                   # e.g. a sync tool holding it
    try:
        for verb in ("info", "pack", "export"):
            argv = {"info": ["info", str(plan)], "pack": ["pack", str(plan), "-o", str(tmp_path / "k.zidb")],
                    "export": ["export", str(plan), "-o", str(tmp_path / "e.xlsx")]}[verb]
            assert main(argv) == 2, verb
            assert "sedang dikunci program lain" in capsys.readouterr().err, verb
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert main(["info", str(plan)]) == 0
