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

alter table feature_gate force row level security;
alter table role force row level security;
