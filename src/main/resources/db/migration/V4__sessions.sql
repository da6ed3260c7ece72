-- Session control and web hardening: sign-in throttling and rate-limit buckets.
-- Both are platform tables (no tenant, no RLS): they are consulted before anyone is authenticated
-- and must hold across application nodes. Neither stores an email address in clear.

-- Failed sign-ins (and password-reset requests) per key: 'account:<sha256 of workspace and email>'
-- or 'ip:<address>', with the temporary lockout they led to.
create table sign_in_throttle (
    key                 text primary key,
    failures            integer not null default 0,
    window_started_at   timestamptz not null,
    locked_until        timestamptz,
    lockouts            integer not null default 0,
    updated_at          timestamptz not null
);
create index sign_in_throttle_updated_idx on sign_in_throttle (updated_at);
grant select, insert, update, delete on sign_in_throttle to ${app_role};

-- Bucket4j token buckets for the per-route-family rate limits, shared by every node.
create table rate_limit_bucket (
    id          text primary key,
    state       bytea,
    expires_at  bigint
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);
grant select, insert, update, delete on rate_limit_bucket to ${app_role};

-- Listing a user's live sessions and the tenant's live sessions.
create index user_session_live_idx on user_session (tenant_id, last_seen_at desc) where revoked_at is null;
