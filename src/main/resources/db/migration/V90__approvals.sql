-- Approvals (F6) with electronic signatures (F14, 21 CFR Part 11).
-- A workflow says, per tenant and record type, which steps a record passes and who may sign them.
create table approval_workflow (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    record_type     text not null check (record_type ~ '^[a-z][a-z_]{0,39}$'),
    name            text not null check (length(name) between 1 and 200),
    steps           text not null check (length(steps) between 2 and 20000),
    ordered         boolean not null,
    self_approval   boolean not null,
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
create unique index approval_workflow_type_idx on approval_workflow (tenant_id, record_type) where deleted_at is null;

-- The tenant's controlled vocabulary of signature meanings (21 CFR 11.50(a)(3)); absent: the defaults.
create table approval_vocabulary (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    meanings        text not null check (length(meanings) between 2 and 10000),
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
create unique index approval_vocabulary_tenant_idx on approval_vocabulary (tenant_id) where deleted_at is null;

-- One submission of one record version: the canonical JSON and SHA-256 frozen at submission, and the
-- workflow's steps as they were then.
create table approval (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    workflow_id     uuid not null,
    record_type     text not null check (record_type ~ '^[a-z][a-z_]{0,39}$'),
    record_id       uuid not null,
    record_title    text not null check (length(record_title) between 1 and 300),
    record_content  text not null,
    record_sha256   text not null check (record_sha256 ~ '^[0-9a-f]{64}$'),
    steps           text not null,
    ordered         boolean not null,
    self_approval   boolean not null,
    status          text not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    submitted_by    uuid not null,
    submitted_at    timestamptz not null,
    completed_at    timestamptz,
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    -- what a signature binds to: the approval, its record and the record version's hash
    unique (tenant_id, id, record_type, record_id, record_sha256),
    foreign key (tenant_id, workflow_id) references approval_workflow (tenant_id, id),
    check ((deleted_at is null) = (delete_reason is null))
);
create index approval_record_idx on approval (tenant_id, record_type, record_id, submitted_at desc);
create index approval_pending_idx on approval (tenant_id, submitted_at desc, id) where status = 'PENDING';
-- at most one live (pending or approved) approval per record
create unique index approval_live_idx on approval (tenant_id, record_type, record_id)
    where status in ('PENDING', 'APPROVED') and deleted_at is null;

-- Signatures: append-only for everyone (as the audit log), bound by foreign key to the approval, its
-- record and the SHA-256 of the record version signed; binding_sha256 covers every manifested field.
create table approval_signature (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    approval_id     uuid not null,
    record_type     text not null,
    record_id       uuid not null,
    record_sha256   text not null check (record_sha256 ~ '^[0-9a-f]{64}$'),
    step_index      int not null check (step_index between 0 and 19),
    step_name       text not null check (length(step_name) between 1 and 100),
    signer_id       uuid not null,
    signer_name     text not null check (length(signer_name) between 1 and 200),
    signed_at       timestamptz not null,
    meaning         text not null check (length(meaning) between 1 and 40),
    meaning_label   text not null check (length(meaning_label) between 1 and 100),
    comment         text check (length(comment) <= 1000),
    binding_sha256  text not null check (binding_sha256 ~ '^[0-9a-f]{64}$'),
    primary key (tenant_id, id),
    foreign key (tenant_id, approval_id, record_type, record_id, record_sha256)
        references approval (tenant_id, id, record_type, record_id, record_sha256),
    -- a signer signs a step once
    unique (tenant_id, approval_id, step_index, signer_id)
);
create index approval_signature_signer_idx on approval_signature (tenant_id, signer_id);

create trigger approval_signature_append_only before update or delete on approval_signature
    for each row execute function prax_audit_append_only();
create trigger approval_signature_no_truncate before truncate on approval_signature
    for each statement execute function prax_audit_append_only();

-- Notices for the tenant's administrators (21 CFR 11.300(d)): failed signature attempts, at once.
create table approval_notice (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    kind            text not null check (length(kind) between 1 and 40),
    user_id         uuid,
    user_name       text,
    approval_id     uuid,
    detail          text not null check (length(detail) between 1 and 1000),
    occurred_at     timestamptz not null,
    primary key (tenant_id, id)
);
create index approval_notice_time_idx on approval_notice (tenant_id, occurred_at desc);

do $$
declare
    t text;
begin
    foreach t in array array['approval_workflow', 'approval_vocabulary', 'approval', 'approval_signature', 'approval_notice'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = prax_current_tenant()) '
            || 'with check (tenant_id = prax_current_tenant())', t);
    end loop;
end
$$;

grant select, insert, update on approval_workflow, approval_vocabulary, approval to ${app_role};
-- no update, no delete: signatures and notices are written once
grant select, insert on approval_signature, approval_notice to ${app_role};
