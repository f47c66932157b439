// A polling-only client emits a burst of 7 KiB "echo"s, each under the server's payload limit but together over it,
// and reports as one JSON line whether all were acked on the same connection (the client has to split its POSTs by
// the maxPayload the server advertised). Usage: node polling-burst.mjs <namespaceUrl> [count=3]
import { io } from 'socket.io-client';

const [url, countArg = '3'] = process.argv.slice(2);
const COUNT = Number(countArg);
const text = 'x'.repeat(7 * 1024);
const deadline = setTimeout(() => finish({ ok: false, reason: 'timeout' }), 10000);

const socket = io(url, { transports: ['polling'], reconnection: false, forceNew: true });
let acks = 0;
let done = false;

socket.on('connect', () => {
  for (let i = 0; i < COUNT; i++) {
    socket.emit('echo', i, text, (index, echoed) => {
      if (index !== i || echoed !== text) return finish({ ok: false, reason: `wrong ack for echo ${i}` });
      if (++acks === COUNT) finish({ ok: socket.connected });
    });
  }
});
socket.on('disconnect', (reason) => finish({ ok: false, reason: `disconnect: ${reason}` }));
socket.on('connect_error', (error) => finish({ ok: false, reason: `connect_error: ${error}` }));

function finish(result) {
  if (done) return;
  done = true;
  clearTimeout(deadline);
  console.log(JSON.stringify({ ...result, acks, maxPayload: socket.io.engine?._maxPayload ?? null }));
  socket.close();
  process.exit(result.ok ? 0 : 1);
}
