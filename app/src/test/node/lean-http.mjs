// A lean HTTP/1.1 client for load generation: a fixed set of kept-alive TCP connections, one request at a time on
// each, the request written as one string and the answer parsed just enough for its status and body (Content-Length
// or chunked). Node's own `http` client spends about 0.2 ms of CPU per request on headers objects, streams and
// events; on a two-core machine that CPU is taken from the server under test, where pgbench's client is C.
import { connect } from 'node:net';

const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * A sender of requests to `url` over `size` connections: `send(method, path, headers, body)` answers
 * {status, body}; requests beyond `size` wait for a free connection. `close()` ends the connections.
 */
export function leanConnections(url, size) {
  const target = new URL(url);
  const idle = [];
  const waiting = [];
  const all = [];

  function open() {
    const socket = connect({ host: target.hostname, port: Number(target.port), noDelay: true });
    const connection = { socket, pending: null, buffer: Buffer.alloc(0) };
    socket.on('data', (chunk) => {
      connection.buffer = connection.buffer.length ? Buffer.concat([connection.buffer, chunk]) : chunk;
      const answer = parse(connection.buffer);
      if (answer) {
        connection.buffer = connection.buffer.subarray(answer.length);
        const { resolve } = connection.pending;
        connection.pending = null;
        if (answer.closing) { // the server's limit of requests per connection: the next one goes on a new one
          forget(connection);
          connection.socket.end();
          const next = waiting.shift();
          if (next) write(open(), next);
        } else {
          release(connection);
        }
        resolve({ status: answer.status, body: answer.body });
      }
    });
    socket.on('error', (error) => fail(connection, error));
    socket.on('close', () => fail(connection, new Error('connection closed by the server')));
    all.push(connection);
    return connection;
  }

  function fail(connection, error) {
    const pending = connection.pending;
    connection.pending = null;
    forget(connection);
    if (pending) pending.reject(error);
  }

  function forget(connection) {
    for (const list of [all, idle]) {
      const at = list.indexOf(connection);
      if (at >= 0) list.splice(at, 1);
    }
  }

  function release(connection) {
    const next = waiting.shift();
    if (next) write(connection, next);
    else idle.push(connection);
  }

  function write(connection, request) {
    connection.pending = request;
    connection.socket.write(request.text);
  }

  function send(method, path, headers = {}, body = undefined) {
    let text = `${method} ${path} HTTP/1.1\r\nhost: ${target.host}\r\n`;
    for (const [name, value] of Object.entries(headers)) text += `${name}: ${value}\r\n`;
    if (body !== undefined && headers['content-length'] === undefined) {
      text += `content-length: ${Buffer.byteLength(body)}\r\n`;
    }
    text += `\r\n${body ?? ''}`;
    return new Promise((resolve, reject) => {
      const request = { text, resolve, reject };
      const connection = idle.pop() ?? (all.length < size ? open() : null);
      if (connection) write(connection, request);
      else waiting.push(request);
    });
  }

  send.close = () => all.slice().forEach((connection) => connection.socket.destroy());
  return send;
}

/**
 * The first whole answer in `buffer`: {status, closing (the server closes the connection after it), body, length
 * (the bytes it took)}, or null if it is not all in yet.
 */
function parse(buffer) {
  const headEnd = buffer.indexOf(HEAD_END);
  if (headEnd < 0) return null;
  const head = buffer.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const closing = /\r\nconnection: *close/i.test(head);
  const bodyStart = headEnd + 4;
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (length) {
    const end = bodyStart + Number(length[1]);
    return end > buffer.length ? null
      : { status, closing, body: buffer.toString('utf8', bodyStart, end), length: end };
  }
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) return parseChunked(buffer, status, closing, bodyStart);
  return { status, closing, body: '', length: bodyStart }; // no body (204, 304)
}

function parseChunked(buffer, status, closing, bodyStart) {
  const parts = [];
  let at = bodyStart;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(buffer.toString('latin1', at, lineEnd), 16);
    const dataStart = lineEnd + 2;
    if (size === 0) {
      const end = buffer.indexOf(HEAD_END, lineEnd); // the last chunk, then no trailers
      return end < 0 ? null : { status, closing, body: Buffer.concat(parts).toString('utf8'), length: end + 4 };
    }
    if (dataStart + size + 2 > buffer.length) return null;
    parts.push(buffer.subarray(dataStart, dataStart + size));
    at = dataStart + size + 2;
  }
}
