#!/usr/bin/env bash
# Replay read benchmark: a finished party of N events (default 100,000) is written straight into the event store,
# the projections build its timeline from there, then, in the same run, the whole timeline is read through
# GET /replay (cursor pages of 200, once) and GET /replay/stream (NDJSON, parsed line by line, and again only
# counted, to tell the Node client's JSON.parse from the service), and the party's rows are read with a plain
# SELECT from the event table (psql \copy). The stream and the SELECT are timed three times each, the median
# counts. Prints one JSON line with the rates and their ratios to the plain read; progress goes to stderr.
# Usage: bench/replay-read.sh [events=100000]
set -euo pipefail
cd "$(dirname "$0")/.."

events=${1:-100000}
. bench/service.sh
port=${BENCH_PORT:-3093}
party=$(cat /proc/sys/kernel/random/uuid)
user=$(cat /proc/sys/kernel/random/uuid)
bench_prepare wp_bench_replay app/target/bench-replay-read.log
bench_start "$port"

echo "[bench] writing a finished party of $events events into the event store" >&2
psql -q "$database" >&2 <<SQL
with p as (select '$party'::text as party, '$user'::text as usr, now() - interval '3 hours' as t0, $events as n)
insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                              payloadrevision, payloadtype, timestamp)
select p.party, s, 'WatchParty', gen_random_uuid()::text, convert_to('{}', 'UTF8'),
       convert_to(case
         when s = 0 then json_build_object('partyId', p.party, 'movieId', gen_random_uuid(), 'movieDurationSeconds', 36000,
                'startTime', to_char(p.t0 at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'endTime', to_char((p.t0 + interval '3 hours') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'featured', false, 'maxParticipants', 100, 'scheduledBy', p.usr)::text
         when s = 1 then json_build_object('partyId', p.party)::text
         when s = 2 then json_build_object('partyId', p.party, 'userId', p.usr, 'username', 'bench')::text
         when s = 3 then json_build_object('partyId', p.party, 'userId', p.usr, 'action', 'PLAY', 'position', 0)::text
         when s = p.n - 1 then json_build_object('partyId', p.party)::text
         else json_build_object('partyId', p.party, 'messageId', gen_random_uuid(), 'userId', p.usr,
                'content', 'message ' || s)::text
       end, 'UTF8'),
       '1',
       case
         when s = 0 then 'com.watchparty.api.party.WatchPartyScheduledEvent'
         when s = 1 then 'com.watchparty.api.party.WatchPartyStartedEvent'
         when s = 2 then 'com.watchparty.api.presence.UserJoinedPartyEvent'
         when s = 3 then 'com.watchparty.api.playback.PlaybackChangedEvent'
         when s = p.n - 1 then 'com.watchparty.api.party.WatchPartyFinishedEvent'
         else 'com.watchparty.api.chat.ChatMessageSentEvent'
       end,
       to_char((p.t0 + s * interval '100 milliseconds') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
from p, generate_series(0, p.n - 1) as s;
SQL

node app/src/test/node/replay-read-bench.mjs "http://localhost:$port" "$party" "$((events - 3))" \
  "$database"
