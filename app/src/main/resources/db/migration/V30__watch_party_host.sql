-- The party's host: who scheduled it, until the host hands it over or an admin names another.
alter table watch_party_view add column host_id uuid;
-- parties projected before: their host is who scheduled them (no party could change hosts before this version)
update watch_party_view v
set host_id = (convert_from(e.payload, 'UTF8')::jsonb ->> 'scheduledBy')::uuid
from domainevententry e
where e.aggregateidentifier = v.id::text
  and e.sequencenumber = 0
  and e.payloadtype = 'com.watchparty.api.party.WatchPartyScheduledEvent';
