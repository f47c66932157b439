// Two socket.io-client connections, one held on long-polling and one on WebSocket, wait for the service to stop and
// report how each was closed, as one JSON line. Usage: node stopping-instance.mjs <baseUrl> <token>
import { io } from 'socket.io-client';

const [baseUrl, token] = process.argv.slice(2);
const closed = {};
const finish = () => {
  console.log(JSON.stringify(closed));
  process.exit(0);
};
setTimeout(finish, 20000); // a connection still open by then shows as missing

for (const transport of ['polling', 'websocket']) {
  const socket = io(`${baseUrl}/watch-party`, { auth: { token }, transports: [transport], reconnection: false });
  socket.on('disconnect', (reason) => {
    closed[transport] = reason;
    if (Object.keys(closed).length === 2) finish();
  });
}
