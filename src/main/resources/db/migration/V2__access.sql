-- Access control (F8, F9): custom roles, designations, per-user overrides and feature gates.
-- Built-in roles (ADMIN, MANAGER, REVIEWER, OPERATOR, VIEWER) are defined in code; users carry role
-- names in app_user.roles.

create table role (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    name            text not null check (name ~ '^[A-Za-z][A-Za-z0-9 _-]{1,49}$'),
    description     text,
    permissions     text[] not null default '{}',
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id)
);
create unique index role_name_idx on role (tenant_id, upper(name)) where deleted_at is null;

create table designation (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    name            text not null check (length(name) between 1 and 100),
    description     text,
    permissions     text[] not null default '{}',
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id)
);
create unique index designation_name_idx on designation (tenant_id, lower(name)) where deleted_at is null;

-- One row per user whose designation or overrides were set.
create table user_access (
    tenant_id       uuid not null,
    id              uuid not null,
    designation_id  uuid,
    granted         text[] not null default '{}',
    revoked         text[] not null default '{}',
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    foreign key (tenant_id, id) references app_user (tenant_id, id),
    foreign key (tenant_id, designation_id) references designation (tenant_id, id)
);

-- A switched-off module (action null) or action, for everyone (scope ALL) or for one role or designation.
create table feature_gate (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    module          text not null,
    action          text,
    scope           text not null check (scope in ('ALL', 'ROLE', 'DESIGNATION')),
    scope_ref       text,
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    check ((scope = 'ALL') = (scope_ref is null))
);
create index feature_gate_live_idx on feature_gate (tenant_id) where deleted_at is null;

do $$
declare
    t text;
begin
    foreach t in array array['role', 'designation', 'user_access', 'feature_gate']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = prax_current_tenant()) '
                       'with check (tenant_id = prax_current_tenant())', t);
        execute format('grant select, insert, update on %I to ${app_role}', t);
    end loop;
end
$$;
