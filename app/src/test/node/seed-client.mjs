// The seed's client snippet, unchanged but for the auth token: joins a party, chats, and reports what it saw
// as one JSON line. Usage: node seed-client.mjs <baseUrl> <token> <partyId> <userId>
import { io } from 'socket.io-client';

const [baseUrl, token, partyId, userId] = process.argv.slice(2);
const deadline = setTimeout(() => finish({ ok: false, reason: 'timeout' }), 15000);

const socket = io(`${baseUrl}/watch-party`, { auth: { token } });

const seen = { transports: [], participantList: null, syncPlayer: null, message: null, joinAck: null };
let upgradedToWebSocket;
const upgraded = new Promise((resolve) => { upgradedToWebSocket = resolve; });
// the engine opens on its first transport, before any upgrade probe starts
socket.io.on('open', () => {
  seen.transports.push(socket.io.engine.transport.name);
  socket.io.engine.on('upgrade', (transport) => {
    seen.transports.push(transport.name);
    upgradedToWebSocket();
  });
});
socket.on('connect', () => {

  socket.emit('join_party', {
    partyId,
    userId,
    username: 'John Doe'
  }, (ack) => {
    seen.joinAck = ack;
    socket.emit('send_message', { partyId, content: 'hello from the seed snippet' }, (sent) => {
      if (!sent.ok) finish({ ok: false, reason: 'send_message refused', sent });
    });
  });
});

socket.on('participant_list', (list) => { seen.participantList = list; });
socket.on('sync_player', (state) => { seen.syncPlayer = state; });
socket.on('new_message', (message) => {
  console.error(message);
  if (message.content === 'hello from the seed snippet') {
    seen.message = message;
    // report once the transport has upgraded (before or after the message came), or time out saying so
    upgraded.then(() => finish({ ok: true }));
  }
});
socket.on('auth_error', (error) => finish({ ok: false, reason: 'auth_error', error }));
socket.on('connect_error', (error) => finish({ ok: false, reason: 'connect_error', error: String(error) }));

function finish(result) {
  clearTimeout(deadline);
  seen.transports.push(socket.io.engine?.transport?.name);
  console.log(JSON.stringify({ ...result, ...seen }));
  socket.close();
  process.exit(result.ok ? 0 : 1);
}
