-- Feature-gate restrictions name a custom role by its stable id, not its name, so renaming a role
-- keeps its restrictions (issue 8). Built-in roles keep their name, which is their id and never changes.
-- Row-level security is forced even for the owner, so it is lifted for this one transaction.
alter table feature_gate no force row level security;
alter table role no force row level security;

update feature_gate g
   set scope_ref = r.id::text
  from role r
 where g.scope = 'ROLE'
   and r.tenant_id = g.tenant_id
   and r.deleted_at is null
   and upper(r.name) = upper(g.scope_ref)
   and upper(g.scope_ref) not in ('ADMIN', 'MANAGER', 'REVIEWER', 'OPERATOR', 'VIEWER');

-- A restriction of a role that no longer exists applies to nobody; it goes, so it cannot block later edits.
update feature_gate g
   set deleted_at = now(), delete_reason = 'role no longer exists'
 where g.scope = 'ROLE'
   and g.deleted_at is null
   and upper(g.scope_ref) not in ('ADMIN', 'MANAGER', 'REVIEWER', 'OPERATOR', 'VIEWER')
   and not exists (select 1 from role r
                    where r.tenant_id = g.tenant_id and r.deleted_at is null and r.id::text = g.scope_ref);

alter table feature_gate force row level security;
alter table role force row level security;
