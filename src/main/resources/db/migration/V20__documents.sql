-- Documents (F5): files attached to records. The bytes live in the blob store under
-- <tenant>/<sha256>; this row is the metadata. record_type/record_id point at a record of any
-- attachable module (customer, invoice, ...), so there is no foreign key: the application checks
-- that the record exists and is visible before attaching, and on every read.
create table document (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    record_type     text not null check (record_type ~ '^[a-z][a-z_]{0,39}$'),
    record_id       uuid not null,
    file_name       text not null check (length(file_name) between 1 and 255),
    content_type    text not null check (length(content_type) between 1 and 255),
    size            bigint not null check (size > 0),
    sha256          text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    check ((deleted_at is null) = (delete_reason is null))
);
create index document_record_idx on document (tenant_id, record_type, record_id, id) where deleted_at is null;
create index document_sha256_idx on document (tenant_id, sha256);

alter table document enable row level security;
alter table document force row level security;
create policy tenant_isolation on document using (tenant_id = prax_current_tenant())
    with check (tenant_id = prax_current_tenant());
-- No delete: documents are soft-deleted with a reason, like every business record.
grant select, insert, update on document to ${app_role};
