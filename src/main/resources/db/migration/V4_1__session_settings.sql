-- Per-tenant session lifetimes and idle timeout, within safe bounds (the application checks the same).
create table session_settings (
    tenant_id                   uuid primary key references tenant (id),
    refresh_lifetime_days       integer not null check (refresh_lifetime_days between 1 and 30),
    remember_me_lifetime_days   integer not null check (remember_me_lifetime_days between 1 and 90),
    idle_timeout_minutes        integer not null check (idle_timeout_minutes between 15 and 43200),
    version                     bigint not null,
    updated_at                  timestamptz not null,
    updated_by                  uuid,
    check (remember_me_lifetime_days >= refresh_lifetime_days)
);
alter table session_settings enable row level security;
alter table session_settings force row level security;
create policy tenant_isolation on session_settings using (tenant_id = prax_current_tenant())
    with check (tenant_id = prax_current_tenant());
grant select, insert, update on session_settings to ${app_role};
