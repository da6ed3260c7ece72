-- Request log (F11): every authenticated request, in a high-volume table partitioned by month.
-- The application role may insert and read (its tenant only) but owns nothing, so partitions are
-- created and dropped through two owner-run functions that do exactly that and nothing else.

create table request_log (
    tenant_id       uuid not null,
    occurred_at     timestamptz not null,
    id              uuid not null,
    user_id         uuid,
    session_id      uuid,
    ip              text,
    user_agent      text,
    method          text not null,
    path            text not null,
    status          integer not null,
    duration_ms     integer not null,
    primary key (tenant_id, occurred_at, id)
) partition by range (occurred_at);

-- Catches rows of a month whose partition does not exist yet; the maintenance job keeps it empty.
create table request_log_default partition of request_log default;

alter table request_log enable row level security;
alter table request_log force row level security;
create policy tenant_isolation on request_log using (tenant_id = prax_current_tenant())
    with check (tenant_id = prax_current_tenant());
grant select, insert on request_log to ${app_role};

create function prax_request_log_partition(month date) returns text
    language plpgsql security definer set search_path = public
    as $$
declare
    first_day date := date_trunc('month', month)::date;
    name text := 'request_log_' || to_char(first_day, 'YYYY_MM');
begin
    if to_regclass(name) is null then
        execute format('create table %I partition of request_log for values from (%L) to (%L)',
                       name, first_day, (first_day + interval '1 month')::date);
    end if;
    return name;
end
$$;

-- Drops whole months that ended before the cutoff, and expired rows that fell into the default partition.
create function prax_request_log_drop_before(cutoff timestamptz) returns integer
    language plpgsql security definer set search_path = public
    as $$
declare
    child record;
    dropped integer := 0;
begin
    for child in
        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'request_log'::regclass and c.relname ~ '^request_log_[0-9]{4}_[0-9]{2}$'
    loop
        if (to_date(substring(child.relname from 13), 'YYYY_MM') + interval '1 month') <= cutoff then
            execute format('drop table %I', child.relname);
            dropped := dropped + 1;
        end if;
    end loop;
    delete from request_log_default where occurred_at < cutoff;
    return dropped;
end
$$;

revoke all on function prax_request_log_partition(date) from public;
revoke all on function prax_request_log_drop_before(timestamptz) from public;
grant execute on function prax_request_log_partition(date) to ${app_role};
grant execute on function prax_request_log_drop_before(timestamptz) to ${app_role};
