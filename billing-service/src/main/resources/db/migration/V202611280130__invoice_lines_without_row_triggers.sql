-- An invoice and its lines are written by one statement pair in one transaction
-- (Invoices.insert) and never deleted: the foreign key's per-row check trigger cost the
-- month-end close more than the lines' own inserts (ADR 13). The lines stay found by the
-- primary key (invoice_id, line_no).
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_invoice_id_fkey;
