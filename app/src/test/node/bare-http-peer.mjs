// The least an HTTP answer costs on this machine: Node's own HTTP server answering every request with a small
// problem+json 409, as a refused purchase is answered, with no framework, no token check and no database. Started
// by ticket-rush-bench.mjs as a peer for its rate; prints `listening` once it is.
// Usage: node bare-http-peer.mjs <port>
import { createServer } from 'node:http';

const body = JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, code: 'sold_out',
  detail: 'this party is sold out' });
createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(409, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
}).listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));
