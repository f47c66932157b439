-- Who is in which room through which instance. Each instance renews its leases; leases of an instance that died
-- go stale and are swept, and a user with no lease left is recorded as having left.
create table presence_lease (
    party_id     uuid                     not null,
    user_id      uuid                     not null,
    instance_id  text                     not null,
    heartbeat_at timestamp with time zone not null,
    primary key (party_id, user_id, instance_id)
);
create index presence_lease_heartbeat on presence_lease (heartbeat_at);
