-- Payroll (F2, F4, F16): employees with their salary structure, payroll runs and payslips.
-- Payslips freeze their snapshot (canonical JSON and its SHA-256) when finalized.

create table employee (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    employee_code   text not null check (length(employee_code) between 1 and 50),
    name            text not null check (length(name) between 1 and 200),
    email           text check (length(email) <= 254),
    department      text check (length(department) <= 100),
    designation_id  uuid,
    hire_date       date not null,
    leaving_date    date,
    status          text not null check (status in ('ACTIVE', 'INACTIVE')),
    bank_account    text check (length(bank_account) <= 34),
    tax_id          text check (length(tax_id) <= 50),
    user_id         uuid,
    salary_currency text not null check (salary_currency ~ '^[A-Z]{3}$'),
    salary_components text not null,
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references app_user (tenant_id, id),
    foreign key (tenant_id, designation_id) references designation (tenant_id, id),
    check (leaving_date is null or leaving_date >= hire_date)
);
create unique index employee_code_idx on employee (tenant_id, lower(employee_code)) where deleted_at is null;
create unique index employee_user_idx on employee (tenant_id, user_id) where deleted_at is null and user_id is not null;
create index employee_name_idx on employee (tenant_id, lower(name), id) where deleted_at is null;

create table payroll_run (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    period_start    date not null,
    period_end      date not null,
    status          text not null check (status in ('DRAFT', 'FINALIZED')),
    finalized_at    timestamptz,
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    check (period_end >= period_start)
);
create index payroll_run_period_idx on payroll_run (tenant_id, period_start desc, id) where deleted_at is null;
create unique index payroll_run_unique_period_idx on payroll_run (tenant_id, period_start, period_end) where deleted_at is null;

create table payslip (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    employee_id     uuid not null,
    run_id          uuid,
    corrects_id     uuid,
    period_start    date not null,
    period_end      date not null,
    status          text not null check (status in ('DRAFT', 'FINALIZED')),
    currency        text not null check (currency ~ '^[A-Z]{3}$'),
    lines           text not null,
    gross_pay       numeric(19, 4) not null,
    total_deductions numeric(19, 4) not null,
    net_pay         numeric(19, 4) not null,
    snapshot        text,
    snapshot_sha256 text check (snapshot_sha256 ~ '^[0-9a-f]{64}$'),
    finalized_at    timestamptz,
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    foreign key (tenant_id, employee_id) references employee (tenant_id, id),
    foreign key (tenant_id, run_id) references payroll_run (tenant_id, id),
    foreign key (tenant_id, corrects_id) references payslip (tenant_id, id),
    check (period_end >= period_start),
    check ((status = 'FINALIZED') = (snapshot is not null and snapshot_sha256 is not null))
);
-- One regular payslip per employee and period; corrections reference the original instead.
create unique index payslip_employee_period_idx on payslip (tenant_id, employee_id, period_start, period_end)
    where deleted_at is null and corrects_id is null;
create index payslip_run_idx on payslip (tenant_id, run_id);
create index payslip_employee_idx on payslip (tenant_id, employee_id, period_start desc, id) where deleted_at is null;

do $$
declare
    t text;
begin
    foreach t in array array['employee', 'payroll_run', 'payslip']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = prax_current_tenant()) '
                       'with check (tenant_id = prax_current_tenant())', t);
        execute format('grant select, insert, update on %I to ${app_role}', t);
    end loop;
end
$$;
