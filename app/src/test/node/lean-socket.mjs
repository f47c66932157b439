// A minimal Socket.IO v5 client over one raw WebSocket, for load generators: it answers pings, connects to a
// namespace with a token, emits with acks and hands each pushed event over as the frame's text, unparsed. With the
// full socket.io-client, the 100 receivers of one Node process would spend more CPU than the service under test on
// the same 2 cores; the seed's socket.io-client itself is exercised by SeedClientTest.
import WebSocket from 'ws';

/** Connects to `namespace` of the Socket.IO server at `baseUrl`, authenticated with `token`. */
export function connectLean(baseUrl, namespace, token) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const socket = new WebSocket(url, { perMessageDeflate: false });
  const eventPrefix = `42${namespace},[`;
  const ackPrefix = `43${namespace},`;
  const handlers = new Map(); // event name -> handler of the frame's text
  const acks = new Map();
  let nextAck = 0;

  return new Promise((resolve, reject) => {
    const lean = {
      /** `handler(frame)` for each `event`; the frame is the raw `42<namespace>,["event",payload]` text. */
      onFrame(event, handler) {
        handlers.set(`${eventPrefix}"${event}"`, handler);
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
    };
    socket.on('error', reject);
    socket.on('message', (data) => {
      const frame = data.toString();
      if (frame === '2') {
        socket.send('3');
      } else if (frame.startsWith('0')) {
        socket.send(`40${namespace},${JSON.stringify({ token })}`);
      } else if (frame.startsWith(`40${namespace},`)) {
        resolve(lean);
      } else if (frame.startsWith(`44${namespace},`)) {
        reject(new Error(`connect_error: ${frame}`));
      } else if (frame.startsWith(ackPrefix)) {
        const body = frame.indexOf('[', ackPrefix.length);
        const id = Number(frame.slice(ackPrefix.length, body));
        acks.get(id)?.(JSON.parse(frame.slice(body))[0]);
        acks.delete(id);
      } else if (frame.startsWith(eventPrefix)) {
        const comma = frame.indexOf(',', eventPrefix.length);
        handlers.get(frame.slice(0, comma))?.(frame);
      }
    });
  });
}
