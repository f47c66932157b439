-- Who holds a ticket for which party: reading a party's log and replay needs one (or the admin role).
-- Owned by the watch-parties projection, filled from the purchases in each party's stream.
create table party_ticket_holder (
    party_id uuid not null,
    user_id  uuid not null,
    primary key (party_id, user_id)
);
