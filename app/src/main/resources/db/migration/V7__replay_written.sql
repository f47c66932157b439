-- When the replay timeline has processed a party's finish, its last segment is written and the replay is complete.
-- Until then the party may already read as finished elsewhere (each projection runs at its own pace), so replay
-- reads wait for this mark instead of serving a timeline without its last segment.
alter table replay_clock add column finished_at timestamp with time zone;
