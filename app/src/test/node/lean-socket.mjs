// A minimal Socket.IO v5 client over one raw WebSocket, for load generators: it answers pings, connects to a
// namespace with a token, emits with acks and hands each pushed event over as the frame's text, unparsed. With the
// full socket.io-client, the 100 receivers of one Node process would spend more CPU than the service under test on
// the same 2 cores; the seed's socket.io-client itself is exercised by SeedClientTest.
// It counts what it receives (`bytes`: WebSocket message payloads, i.e. Engine.IO packets, without the 2-10 bytes
// of frame header; `frames`), and only decodes frames it has a use for: a large push nobody listens to (a long
// participant_list) is counted, not turned into a string.
import WebSocket from 'ws';

const HEAD = 256; // enough of a frame to tell its packet type, namespace and control packets apart
const EVENT = Buffer.from('42');

/**
 * Connects to `namespace` of the Socket.IO server at `baseUrl`, authenticated with `token`. Options: `timeoutMs`
 * (reject and drop the connection if the namespace has not answered by then), `skipUTF8Validation` (ws's option,
 * to spare a load generator's CPU).
 */
export function connectLean(baseUrl, namespace, token, { timeoutMs = 0, skipUTF8Validation = false } = {}) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const socket = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation });
  const eventPrefix = `42${namespace},[`;
  const ackPrefix = `43${namespace},`;
  const handlers = []; // [the frame's start, as bytes, up to the payload; handler of the frame's text]
  const closeHandlers = [];
  const acks = new Map();
  let nextAck = 0;

  return new Promise((resolve, reject) => {
    const lean = {
      /** WebSocket payload bytes and messages received so far. */
      bytes: 0,
      frames: 0,
      /** Set once the connection closed or the server disconnected the namespace. */
      closed: false,
      /** `handler(frame)` for each `event`; the frame is the raw `42<namespace>,["event",payload]` text. */
      onFrame(event, handler) {
        const start = Buffer.from(`${eventPrefix}"${event}",`);
        const known = handlers.findIndex(([other]) => other.equals(start));
        handlers.splice(known < 0 ? handlers.length : known, 1, [start, handler]);
      },
      /** `handler(reason)` once, when the connection closes or the namespace is disconnected by the server. */
      onClose(handler) {
        closeHandlers.push(handler);
      },
      /** Emits `event` with `payload` and resolves with the ack's first argument. */
      emit(event, payload) {
        const id = nextAck++;
        socket.send(`42${namespace},${id}${JSON.stringify([event, payload])}`);
        return new Promise((ackResolve) => acks.set(id, ackResolve));
      },
      close() {
        socket.close();
      },
      /** Drops the connection at once, without the closing handshake. */
      terminate() {
        socket.terminate();
      },
    };
    const closed = (reason) => {
      if (lean.closed) return;
      lean.closed = true;
      closeHandlers.forEach((handler) => handler(reason));
    };
    const timer = timeoutMs > 0 ? setTimeout(() => {
      reject(new Error(`no connect within ${timeoutMs} ms`));
      socket.terminate();
    }, timeoutMs) : null;
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`closed before connecting (${code})`));
      closed(`close ${code}`);
    });
    socket.on('message', (data) => {
      lean.bytes += data.length;
      lean.frames++;
      if (data.length > 2 && data[0] === EVENT[0] && data[1] === EVENT[1]) { // a pushed event: decoded if wanted
        const found = handlers.find(([start]) => data.length > start.length
          && data.compare(start, 0, start.length, 0, start.length) === 0);
        if (found) found[1](data.toString());
        return;
      }
      const small = data.length <= HEAD;
      const head = small ? data.toString() : data.toString('latin1', 0, HEAD);
      if (head === '2') {
        socket.send('3');
      } else if (head.startsWith('0')) {
        socket.send(`40${namespace},${JSON.stringify({ token })}`);
      } else if (head.startsWith(`40${namespace},`)) {
        clearTimeout(timer);
        resolve(lean);
      } else if (head.startsWith(`44${namespace},`)) {
        clearTimeout(timer);
        reject(new Error(`connect_error: ${small ? head : data.toString()}`));
      } else if (head.startsWith(`41${namespace}`)) {
        closed('namespace disconnect');
      } else if (head.startsWith(ackPrefix)) {
        const frame = small ? head : data.toString();
        const body = frame.indexOf('[', ackPrefix.length);
        const id = Number(frame.slice(ackPrefix.length, body));
        acks.get(id)?.(JSON.parse(frame.slice(body))[0]);
        acks.delete(id);
      }
    });
  });
}
