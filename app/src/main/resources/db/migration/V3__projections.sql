-- Query models. Each is owned by one processing group and can be rebuilt from the event store.

create table movie_view (
    id               uuid primary key,
    title            text    not null,
    duration_seconds integer not null,
    video_url        text    not null,
    poster_url       text
);
create index movie_view_title on movie_view (title, id);

create table ticket_view (
    id          uuid primary key,
    name        text           not null,
    price       numeric(12, 2) not null,
    currency    char(3)        not null,
    description text,
    is_voucher  boolean        not null
);
create index ticket_view_name on ticket_view (name, id);

create table watch_party_view (
    id                  uuid primary key,
    movie_id            uuid                     not null,
    start_time          timestamp with time zone not null,
    end_time            timestamp with time zone not null,
    is_featured         boolean                  not null,
    max_participants    integer                  not null,
    status              text                     not null,
    tickets_sold        integer                  not null,
    active_participants integer                  not null,
    version             bigint                   not null
);
create index watch_party_view_start on watch_party_view (start_time, id);
create index watch_party_view_status on watch_party_view (status, start_time);

create table party_log (
    event_id        text primary key,
    party_id        uuid                     not null,
    sequence_number bigint                   not null,
    user_id         uuid,
    event_type      text                     not null,
    content         jsonb                    not null,
    real_time       timestamp with time zone not null
);
create index party_log_party on party_log (party_id, sequence_number);
