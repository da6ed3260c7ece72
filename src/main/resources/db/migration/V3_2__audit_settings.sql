-- Reason for change (F15): a tenant marks modules as regulated; edits there require a reason.
create table audit_setting (
    tenant_id           uuid primary key references tenant (id),
    regulated_modules   text[] not null default '{}'
);

alter table audit_setting enable row level security;
alter table audit_setting force row level security;
create policy tenant_isolation on audit_setting using (tenant_id = prax_current_tenant())
    with check (tenant_id = prax_current_tenant());
grant select, insert, update on audit_setting to ${app_role};
