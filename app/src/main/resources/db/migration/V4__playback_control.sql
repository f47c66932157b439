-- Who may use a party's player: everyone in the room, or only admins and the host.
alter table watch_party_view add column host_only_playback boolean not null default false;
