-- The replay timeline: every logged event of a party with the film position (media_time) at that moment, and the
-- segments during which the film played. Built by the replay-timeline processing group; rebuildable.

create table replay_clock (
    party_id         uuid primary key,
    start_time       timestamp with time zone not null,
    duration_seconds integer                  not null,
    playing          boolean                  not null,
    position         double precision         not null,
    position_at      timestamp with time zone not null,
    playback_rate    double precision         not null,
    updated_by       uuid
);

create table replay_participant (
    party_id uuid not null,
    user_id  uuid not null,
    username text not null,
    primary key (party_id, user_id)
);

create table replay_event (
    party_id        uuid                     not null,
    sequence_number bigint                   not null,
    event_id        text                     not null,
    event_type      text                     not null,
    user_id         uuid,
    content         jsonb                    not null,
    real_time       timestamp with time zone not null,
    media_time      double precision         not null,
    primary key (party_id, sequence_number)
);
create index replay_event_media on replay_event (party_id, media_time, sequence_number);

create table replay_segment (
    party_id        uuid                     not null,
    from_real_time  timestamp with time zone not null,
    to_real_time    timestamp with time zone not null,
    from_media_time double precision         not null,
    to_media_time   double precision         not null,
    playback_rate   double precision         not null,
    primary key (party_id, from_real_time)
);
