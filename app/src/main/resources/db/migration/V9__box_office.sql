-- The box office: who may find a party, seats held for the waiting list, cancellations, and each purchase for the
-- buyer's own list. All owned by the watch-parties projection and rebuilt with it from the parties' streams.
alter table watch_party_view
    add column access            text    not null default 'PUBLIC',
    add column invitation_code   text,
    add column seats_held        integer not null default 0,
    add column tickets_cancelled integer not null default 0,
    add column waiting           integer not null default 0;

-- GET /me/tickets: a user's purchases, the latest first
create table purchase_view (
    id               uuid primary key,
    party_id         uuid                     not null,
    user_id          uuid                     not null,
    ticket_id        uuid                     not null,
    purchased_at     timestamp with time zone not null,
    price_paid       numeric(12, 2)           not null,
    currency         char(3)                  not null,
    voucher_code     text,
    refund_amount    numeric(12, 2),
    cancelled_at     timestamp with time zone
);
create index purchase_view_user on purchase_view (user_id, purchased_at desc, id);

-- A party's waiting list: people in line (in the order of their event's sequence) and those holding a seat
create table waiting_list_view (
    party_id        uuid   not null,
    user_id         uuid   not null,
    joined_sequence bigint not null,
    hold_expires_at timestamp with time zone,
    primary key (party_id, user_id)
);
create index waiting_list_view_line on waiting_list_view (party_id, joined_sequence);
