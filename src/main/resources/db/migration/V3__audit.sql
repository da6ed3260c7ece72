-- Tamper-evident audit trail (F10): one SHA-256 hash chain per tenant, append-only in the database.
-- audit_head holds each tenant's chain head; writers lock it (select ... for update) inside the
-- business transaction, so a tenant's events get gapless seq numbers and other tenants never wait.

create table audit_event (
    tenant_id           uuid not null references tenant (id),
    seq                 bigint not null check (seq > 0),
    occurred_at         timestamptz not null,
    actor_id            uuid,
    actor_name          text,
    actor_tier          text,
    session_id          uuid,
    ip                  text,
    user_agent          text,
    action              text not null,
    entity_type         text,
    entity_id           text,
    changes             jsonb,
    reason              text,
    previous_checksum   text not null check (previous_checksum ~ '^[0-9a-f]{64}$'),
    checksum            text not null check (checksum ~ '^[0-9a-f]{64}$'),
    primary key (tenant_id, seq)
);
create index audit_event_entity_idx on audit_event (tenant_id, entity_type, entity_id, seq);
create index audit_event_actor_idx on audit_event (tenant_id, actor_id, seq);

create table audit_head (
    tenant_id   uuid primary key references tenant (id),
    seq         bigint not null,
    checksum    text not null
);

-- Signed chain heads (C2SP signed-note checkpoints); the signing key is never in the database.
create table audit_checkpoint (
    tenant_id   uuid not null references tenant (id),
    seq         bigint not null,
    checksum    text not null,
    signed_at   timestamptz not null,
    key_id      text not null,
    signature   text not null,
    note        text not null,
    primary key (tenant_id, seq)
);

-- Append-only for every role, the owner included; the tenant purge (F19) will be the one exception.
create function prax_audit_append_only() returns trigger
    language plpgsql
    as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function prax_audit_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function prax_audit_append_only();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function prax_audit_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function prax_audit_append_only();

do $$
declare
    t text;
begin
    foreach t in array array['audit_event', 'audit_head', 'audit_checkpoint']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = prax_current_tenant()) '
                       'with check (tenant_id = prax_current_tenant())', t);
    end loop;
end
$$;

grant select, insert on audit_event to ${app_role};
grant select, insert on audit_checkpoint to ${app_role};
grant select, insert, update on audit_head to ${app_role};
