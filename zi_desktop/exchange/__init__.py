"""Exchange with the outside world: the copy sent to the province (``pack``), the Lampiran
as an Excel workbook (``export_xlsx``) and the province's summary of many plans
(``summarize``, written by ``summary_write``).

Everything here works on the plan dict or on files opened read-only and validated; nothing
in this package imports Qt.
"""
