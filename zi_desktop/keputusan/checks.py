"""Periksa rules for the decree body (issue 16), added to ``checks.check_plan``.

The texts that repeat the title ("KEPUTUSAN <unit> TENTANG <subject>") can disagree with it:
the stored Menetapkan (``keputusan.menetapkan``; "" = printed from the title, nothing to
compare), the last Menimbang and diktum KESATU.
Rules (all "peringatan", level "keputusan"; a plan whose body is empty is not checked):
  menetapkan_berbeda  the stored Menetapkan is not "KEPUTUSAN <unit> TENTANG <title>"
  menimbang_penutup   the last Menimbang is not "bahwa berdasarkan pertimbangan …"
  judul_berbeda       the last Menimbang or KESATU does not name the decree's subject as written
  kesatu_lampiran     diktum KESATU does not refer to the Lampiran (or there is no diktum)
  peraturan_diganti   a Mengingat entry cites a regulation since replaced
"""

from __future__ import annotations

import re

from . import BAGIAN, MENETAPKAN
from .labels import label


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w/]+", " ", text.lower()).split())


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def check_keputusan(plan: dict) -> list[tuple[str, str, str]]:
    """(kode, pesan, jalur) of every "peringatan" about the body; ``checks.check_plan`` makes
    them findings (this module does not import it: no import circle)."""
    from .template import library, replaced_in
    body = plan.get("keputusan") or {}
    if not any(body.get(b) for b in BAGIAN):
        return []
    out = []

    def warn(kode: str, pesan: str, jalur: str) -> None:
        out.append((kode, pesan, jalur))

    rencana = plan.get("rencana") or {}
    tentang = _norm(str(rencana.get("tentang", "")))
    stored = " ".join(str(body.get(MENETAPKAN) or "").split())
    if stored:
        from .menetapkan import from_title, matches_title, where_it_differs
        if not matches_title(stored, rencana):
            written, title = where_it_differs(stored, from_title(rencana))
            warn("menetapkan_berbeda", f"Menetapkan tidak sama dengan judul keputusan: tertulis "
                 f"“{written}”, judulnya “{title}”; samakan (Keputusan ▸ Menetapkan ▸ Samakan "
                 "dengan judul).", "Menetapkan")
    menimbang = body.get("menimbang") or []
    if menimbang:
        last = menimbang[-1]
        where = f"Menimbang {label('menimbang', len(menimbang))}"
        if not _norm(last).startswith("bahwa berdasarkan pertimbangan"):
            warn("menimbang_penutup", f"{where} seharusnya butir penutup “bahwa berdasarkan "
                 f"pertimbangan sebagaimana dimaksud dalam huruf …, perlu menetapkan Keputusan …”; "
                 f"tertulis “{_short(last)}”.", where)
        elif tentang and tentang not in _norm(last):
            warn("judul_berbeda", f"{where} tidak menyebut judul keputusan persis seperti "
                 "judulnya; samakan kata-katanya.", where)
    diktum = body.get("diktum") or []
    if not diktum:
        warn("kesatu_lampiran", "Diktum keputusan belum diisi (KESATU: menetapkan Rencana Aksi "
             "sebagaimana tercantum dalam Lampiran).", "Diktum")
    else:
        kesatu = _norm(diktum[0])
        if "lampiran" not in kesatu:
            warn("kesatu_lampiran", "Diktum KESATU tidak merujuk ke Lampiran (“… sebagaimana "
                 "tercantum dalam Lampiran …”).", "Diktum KESATU")
        elif tentang and kesatu.startswith("menetapkan") and tentang not in kesatu:
            warn("judul_berbeda", "Diktum KESATU tidak menyebut judul keputusan persis seperti "
                 "judulnya; samakan kata-katanya.",
                 "Diktum KESATU")
    names = {p.kode: p.singkat for p in library()}
    for n, entry in enumerate(body.get("mengingat") or [], 1):
        old = replaced_in(entry)
        if old is not None:
            warn("peraturan_diganti", f"Mengingat {n} mengutip {old.singkat.split(' — ')[0]}, yang "
                 f"sudah diganti; kutip {names.get(old.diganti_oleh, old.diganti_oleh)}.",
                 f"Mengingat {n}")
    return out
