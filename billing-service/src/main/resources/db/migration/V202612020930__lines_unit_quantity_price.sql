-- What a line's amount is made of, as the booking froze it: unit, quantity and unit price
-- excluding VAT. Null on rows written before, and on lines the three do not explain (a
-- regularisation is a difference).
ALTER TABLE billable_item ADD COLUMN unit text, ADD COLUMN quantity numeric(10, 2), ADD COLUMN unit_price_minor bigint;
ALTER TABLE invoice_line ADD COLUMN unit text, ADD COLUMN quantity numeric(10, 2), ADD COLUMN unit_price_minor bigint;
