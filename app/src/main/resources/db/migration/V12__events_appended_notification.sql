-- Every transaction that appends events notifies the channel events_appended when it commits (PostgreSQL sends a
-- notification only on commit, and once per transaction for identical ones), so every instance's processors look for
-- new events at once instead of at their next poll. One statement-level trigger: a batch of events costs one notify.
create function notify_events_appended() returns trigger language plpgsql as $$
begin
    perform pg_notify('events_appended', '');
    return null;
end
$$;

create trigger events_appended
    after insert on domainevententry
    for each statement execute function notify_events_appended();
