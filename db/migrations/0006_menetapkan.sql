-- The decree's "Menetapkan :" as the decree writes it (issue 16; the plan dict's
-- keputusan.menetapkan). '' = not stored: printed from the title, as before this step.
-- One column of the one identity row, so a file holds at most one and no new page is spent.
ALTER TABLE rencana ADD COLUMN keputusan_menetapkan TEXT NOT NULL DEFAULT '';
