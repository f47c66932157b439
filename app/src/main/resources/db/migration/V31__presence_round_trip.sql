-- The round trip its sockets measured for each person in a room (time_sync), the largest of their sockets on that
-- instance: a play or seek is scheduled far enough ahead for the slowest in the room.
alter table presence_lease add column round_trip_ms integer not null default 0;
