-- Every node caches users, tenants and access facts (roles, designations, overrides, feature gates)
-- on the request path. A change of such a row notifies every node's listener with the tenant's id;
-- PostgreSQL delivers a NOTIFY only when the transaction commits, once per payload, so a rolled-back
-- change tells no one and a bulk change tells each node once. Changes made outside the application
-- (psql, a migration) are announced too.
create function prax_cache_changed() returns trigger
    language plpgsql
as $$
declare
    changed uuid;
begin
    if tg_table_name = 'tenant' then
        changed := coalesce(new.id, old.id);
    elsif tg_op = 'DELETE' then
        changed := old.tenant_id;
    else
        changed := new.tenant_id;
    end if;
    perform pg_notify('prax_cache_changed', changed::text);
    return null;
end
$$;

create trigger app_user_cache_changed after insert or update or delete on app_user
    for each row execute function prax_cache_changed();
create trigger user_access_cache_changed after insert or update or delete on user_access
    for each row execute function prax_cache_changed();
create trigger role_cache_changed after insert or update or delete on role
    for each row execute function prax_cache_changed();
create trigger designation_cache_changed after insert or update or delete on designation
    for each row execute function prax_cache_changed();
create trigger feature_gate_cache_changed after insert or update or delete on feature_gate
    for each row execute function prax_cache_changed();
create trigger tenant_cache_changed after insert or update or delete on tenant
    for each row execute function prax_cache_changed();
