-- Prax foundation: tenants, users, sessions, mail outbox, customers and contacts.
-- Every tenant-owned table: primary key (tenant_id, id), tenant-inclusive foreign keys, and
-- row-level security forced for every role, so a row is visible only inside its tenant's transaction.
-- The application role (${app_role}) owns nothing and may not hard-delete business records.

create function prax_current_tenant() returns uuid
    language sql stable
    as $$ select nullif(current_setting('prax.tenant_id', true), '')::uuid $$;

grant execute on function prax_current_tenant() to ${app_role};

-- Platform table: a tenant is found by its slug before anyone is authenticated.
create table tenant (
    id          uuid primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text not null check (length(name) between 1 and 200),
    region      text not null default 'US' check (region in ('US', 'EU', 'APAC')),
    status      text not null default 'ACTIVE' check (status in ('ACTIVE', 'READ_ONLY')),
    created_at  timestamptz not null
);
grant select, insert, update on tenant to ${app_role};

create table customer (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    name            text not null check (length(name) between 1 and 200),
    email           text,
    phone           text,
    tax_id          text,
    billing_line1   text,
    billing_line2   text,
    billing_postal_code text,
    billing_city    text,
    billing_region  text,
    billing_country text check (billing_country ~ '^[A-Z]{2}$'),
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
create index customer_name_idx on customer (tenant_id, lower(name), id) where deleted_at is null;

create table contact (
    tenant_id       uuid not null,
    id              uuid not null,
    customer_id     uuid not null,
    name            text not null check (length(name) between 1 and 200),
    email           text,
    phone           text,
    position        text,
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id)
);
create index contact_customer_idx on contact (tenant_id, customer_id);

create table app_user (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    email           text not null check (email = lower(email)),
    name            text not null check (length(name) between 1 and 200),
    tier            text not null check (tier in ('ADMIN', 'EMPLOYEE', 'CUSTOMER')),
    roles           text[] not null default '{}',
    customer_id     uuid,
    status          text not null check (status in ('INVITED', 'ACTIVE', 'DEACTIVATED')),
    password_hash   text,
    password_changed_at timestamptz,
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    unique (tenant_id, email),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id),
    check ((tier = 'CUSTOMER') = (customer_id is not null))
);

create table user_session (
    tenant_id       uuid not null,
    id              uuid not null,
    user_id         uuid not null,
    ip              text,
    user_agent      text,
    remember_me     boolean not null,
    created_at      timestamptz not null,
    last_seen_at    timestamptz not null,
    expires_at      timestamptz not null,
    revoked_at      timestamptz,
    revoked_reason  text,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references app_user (tenant_id, id)
);
create index user_session_user_idx on user_session (tenant_id, user_id);

-- Refresh tokens are stored only as SHA-256; a used one stays as evidence for theft detection.
create table refresh_token (
    tenant_id       uuid not null,
    token_hash      text not null,
    session_id      uuid not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    primary key (tenant_id, token_hash),
    foreign key (tenant_id, session_id) references user_session (tenant_id, id)
);

-- One-time links for invitations and password resets, stored only as SHA-256.
create table password_token (
    tenant_id       uuid not null,
    token_hash      text not null,
    user_id         uuid not null,
    purpose         text not null check (purpose in ('INVITATION', 'RESET')),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    primary key (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references app_user (tenant_id, id)
);

-- Platform table: the dispatcher sends for every tenant. The body is cleared once sent.
create table mail_outbox (
    id              uuid primary key,
    tenant_id       uuid references tenant (id),
    recipient       text not null,
    subject         text not null,
    body            text not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    attempts        integer not null default 0,
    last_error      text
);
create index mail_outbox_pending_idx on mail_outbox (created_at) where sent_at is null;
grant select, insert, update on mail_outbox to ${app_role};

do $$
declare
    t text;
begin
    foreach t in array array['customer', 'contact', 'app_user', 'user_session', 'refresh_token', 'password_token']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = prax_current_tenant()) '
                       'with check (tenant_id = prax_current_tenant())', t);
        execute format('grant select, insert, update on %I to ${app_role}', t);
    end loop;
end
$$;
