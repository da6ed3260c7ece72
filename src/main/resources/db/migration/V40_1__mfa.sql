-- Multi-factor authentication (issue 10): TOTP enrolments, backup codes, pending MFA sign-ins,
-- per-tenant MFA requirements and step-up re-authentication of sessions.

-- One TOTP enrolment per user. The secret is AES-256-GCM ciphertext under a key of the keys
-- directory, never plain text. last_used_step is the highest time step a code was accepted for:
-- a conditional update on it makes a code (or its step) usable once, across every node.
create table user_mfa (
    tenant_id           uuid not null,
    user_id             uuid not null,
    secret_ciphertext   text not null,
    created_at          timestamptz not null,
    confirmed_at        timestamptz,
    last_used_step      bigint not null default -1,
    primary key (tenant_id, user_id),
    foreign key (tenant_id, user_id) references app_user (tenant_id, id)
);

-- Single-use backup codes, stored only as SHA-256.
create table mfa_backup_code (
    tenant_id       uuid not null,
    code_hash       text not null,
    user_id         uuid not null,
    created_at      timestamptz not null,
    used_at         timestamptz,
    primary key (tenant_id, code_hash),
    foreign key (tenant_id, user_id) references app_user (tenant_id, id)
);
create index mfa_backup_code_user_idx on mfa_backup_code (tenant_id, user_id);

-- A password that was right, waiting for its second factor (or for enrolment): the mfaToken of
-- the sign-in answer, stored only as SHA-256, living 5 minutes and used once.
create table mfa_challenge (
    tenant_id       uuid not null,
    token_hash      text not null,
    user_id         uuid not null,
    remember_me     boolean not null,
    enrolment       boolean not null,
    ip              text,
    user_agent      text,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    failures        integer not null default 0,
    primary key (tenant_id, token_hash),
    foreign key (tenant_id, user_id) references app_user (tenant_id, id)
);

do $$
declare
    t text;
begin
    foreach t in array array['user_mfa', 'mfa_backup_code', 'mfa_challenge']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = prax_current_tenant()) '
                       'with check (tenant_id = prax_current_tenant())', t);
        execute format('grant select, insert, update, delete on %I to ${app_role}', t);
    end loop;
end
$$;

-- Who must use MFA beyond the built-in ADMIN tier and ADMIN and REVIEWER roles.
alter table session_settings add column mfa_required_roles text[] not null default '{}';
alter table session_settings add column mfa_required_for_everyone boolean not null default false;

-- When the session's owner last proved their password (and code) again, for sensitive actions.
alter table user_session add column reauthenticated_at timestamptz;
