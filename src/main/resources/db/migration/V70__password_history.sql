-- Password policy extras per tenant (issue 10): how many of a user's last passwords a new one may
-- not repeat (0 = off, the default). Audited like every tenant record.
create table password_settings (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    history_count   integer not null default 0 check (history_count between 0 and 12),
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    unique (tenant_id)
);

-- Earlier password hashes (Argon2id, never a password) of users, kept only while the history rule
-- is on and only as many as it needs; older ones are deleted.
create table password_history (
    tenant_id       uuid not null,
    id              uuid not null,
    user_id         uuid not null,
    password_hash   text not null,
    created_at      timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references app_user (tenant_id, id)
);
create index password_history_user_idx on password_history (tenant_id, user_id, created_at desc);

alter table password_settings enable row level security;
alter table password_settings force row level security;
create policy tenant_isolation on password_settings using (tenant_id = prax_current_tenant())
    with check (tenant_id = prax_current_tenant());
grant select, insert, update on password_settings to ${app_role};

alter table password_history enable row level security;
alter table password_history force row level security;
create policy tenant_isolation on password_history using (tenant_id = prax_current_tenant())
    with check (tenant_id = prax_current_tenant());
grant select, insert, delete on password_history to ${app_role};
