-- A deleted chat message keeps its log row, marked removed: admins still read it, everyone else only that it was
-- removed.
alter table party_log add column removed boolean not null default false;
