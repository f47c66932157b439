// The web client's typed socket client (static/js/watch-party-client.js), imported by Node as it is, with npm's
// socket.io-client: joins a party, chats, syncs its clock and meets a refusal; reports what it saw as one JSON line.
// Usage: node typed-client.mjs <baseUrl> <token> <partyId>
import { io } from 'socket.io-client';
import { WatchPartyClient, WatchPartyError } from '../../main/resources/static/js/watch-party-client.js';

const [baseUrl, token, partyId] = process.argv.slice(2);
const deadline = setTimeout(() => finish({ ok: false, reason: 'timeout' }), 15000);
const client = new WatchPartyClient({ io, url: `${baseUrl}/watch-party`, token });
const seen = { settings: null };

client.on('room_settings', (settings) => { seen.settings = settings; });
client.on('new_message', (message) => {
  if (message.content === 'hello from the typed client') {
    seen.message = message;
    finishOnceSentAndSeen();
  }
});
client.onConnect(async () => {
  try {
    seen.clockSynced = client.clock.synced;
    seen.join = await client.joinParty(partyId);
    try {
      await client.playerAction(partyId, 'play', 0);
    } catch (error) {
      seen.refusal = { isWatchPartyError: error instanceof WatchPartyError, code: error.code, message: error.message };
    }
    seen.sent = await client.sendMessage(partyId, 'hello from the typed client');
    finishOnceSentAndSeen();
  } catch (error) {
    finish({ ok: false, reason: String(error) });
  }
});

// the ack and the room's push of the same line race each other: both come once it is stored
function finishOnceSentAndSeen() {
  if (seen.sent && seen.message) {
    finish({ ok: true });
  }
}

function finish(result) {
  clearTimeout(deadline);
  console.log(JSON.stringify({ ...result, ...seen }));
  client.close();
  process.exit(result.ok ? 0 : 1);
}
