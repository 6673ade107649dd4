"""Penilaian Mandiri: the LKE of PermenPANRB 90/2021 jo. 5/2024 as data, its scoring, the
ties of langkah aksi to its questions, and the worksheet. Core only (no Qt)."""
