-- Lists at scale (issue 11): every keyset page starts at its cursor in a tenant-leading index, also
-- under row-level security. PostgreSQL evaluates a query's own conditions before the RLS policy, and so
-- uses them to start or bound an index scan, only when every function in them is leakproof. lower() is
-- not, so `lower(name) > ?` could not use the (tenant_id, lower(name), id) index: every page read the
-- tenant's rows from the first one. A stored lower-case key compared as a row, `(name_key, id) > (?, ?)`,
-- uses only leakproof comparisons (text, uuid, timestamptz) and starts the scan at the cursor.

alter table customer add column name_key text generated always as (lower(name)) stored;
create index customer_name_key_idx on customer (tenant_id, name_key, id) where deleted_at is null;
drop index customer_name_idx;
-- sort=updatedAt pages: without it each page sorted the whole tenant
create index customer_updated_idx on customer (tenant_id, updated_at, id) where deleted_at is null;

alter table employee add column name_key text generated always as (lower(name)) stored;
create index employee_name_key_idx on employee (tenant_id, name_key, id) where deleted_at is null;
drop index employee_name_idx;
