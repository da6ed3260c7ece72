-- Invoicing (F3, F16): the tenant's company details, invoices and credit notes, payments, and the
-- per-tenant, per-year counter that hands out gapless numbers inside the issuing transaction.
-- Issued invoices keep a frozen JSON snapshot and the SHA-256 of its RFC 8785 canonical form.

create table company_details (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    name            text not null check (length(name) between 1 and 200),
    address_line1   text,
    address_line2   text,
    address_postal_code text,
    address_city    text,
    address_region  text,
    address_country text check (address_country ~ '^[A-Z]{2}$'),
    tax_id          text,
    email           text,
    phone           text,
    default_currency text not null check (default_currency ~ '^[A-Z]{3}$'),
    payment_terms_days integer not null check (payment_terms_days between 0 and 365),
    bank_details    text,
    invoice_number_prefix text not null default '' check (invoice_number_prefix ~ '^[A-Za-z0-9/_-]{0,12}$'),
    logo_document_id uuid,
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    unique (tenant_id)
);

create table invoice (
    tenant_id       uuid not null references tenant (id),
    id              uuid not null,
    customer_id     uuid not null,
    credit_note_for uuid,
    number          text,
    status          text not null check (status in ('DRAFT', 'ISSUED', 'PAID', 'VOID')),
    currency        text not null check (currency ~ '^[A-Z]{3}$'),
    issue_date      date,
    due_date        date not null,
    notes           text,
    lines           jsonb not null,
    net_total       numeric(24, 6) not null,
    tax_total       numeric(24, 6) not null,
    gross_total     numeric(24, 6) not null,
    paid_total      numeric(24, 6) not null default 0,
    credited_total  numeric(24, 6) not null default 0,
    snapshot        jsonb,
    snapshot_sha256 text check (snapshot_sha256 ~ '^[0-9a-f]{64}$'),
    issued_at       timestamptz,
    issued_by       uuid,
    voided_at       timestamptz,
    void_reason     text,
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id),
    foreign key (tenant_id, credit_note_for) references invoice (tenant_id, id),
    unique (tenant_id, number),
    check ((status = 'DRAFT') = (number is null)),
    check ((status = 'DRAFT') = (snapshot is null)),
    check ((snapshot is null) = (snapshot_sha256 is null))
);
create index invoice_list_idx on invoice (tenant_id, id desc) where deleted_at is null;
create index invoice_customer_idx on invoice (tenant_id, customer_id);
create index invoice_credit_note_idx on invoice (tenant_id, credit_note_for) where credit_note_for is not null;

create table invoice_payment (
    tenant_id       uuid not null,
    id              uuid not null,
    invoice_id      uuid not null,
    amount          numeric(24, 6) not null check (amount > 0),
    paid_on         date not null,
    version         bigint not null,
    created_at      timestamptz not null,
    created_by      uuid,
    updated_at      timestamptz not null,
    updated_by      uuid,
    deleted_at      timestamptz,
    deleted_by      uuid,
    delete_reason   text,
    primary key (tenant_id, id),
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id)
);
create index invoice_payment_invoice_idx on invoice_payment (tenant_id, invoice_id);

-- One row per tenant and year; issuing increments it with update ... returning, so the row lock
-- serialises concurrent issues and a rolled-back issue gives its number back.
create table invoice_counter (
    tenant_id       uuid not null references tenant (id),
    year            integer not null check (year between 1900 and 9999),
    last_number     bigint not null check (last_number >= 0),
    primary key (tenant_id, year)
);

do $$
declare
    t text;
begin
    foreach t in array array['company_details', 'invoice', 'invoice_payment', 'invoice_counter']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = prax_current_tenant()) '
                       'with check (tenant_id = prax_current_tenant())', t);
        execute format('grant select, insert, update on %I to ${app_role}', t);
    end loop;
end
$$;
