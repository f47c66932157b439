// A peer to measure the service against: the `/watch-party` namespace served by Node's own `socket.io` 4.8, in
// memory, with nothing stored and nothing checked (the token is accepted as is, the user is whoever the payload
// names). It speaks the same protocol as the service for what the room benchmark uses: `join_party` joins the
// party's room, acks, sends the joiner `participant_list` (the full list), `sync_player` and the last 50 messages,
// and broadcasts `user_joined` to the room; `send_message` acks and broadcasts `new_message`; a user's last socket
// leaving broadcasts `user_left`, at once on `leave_party`, after a reconnect grace (10 s, as the service's default)
// when it disconnects.
// Usage: node [--expose-gc] peer-server.mjs [port=3096]   (listens on the loopback address only)
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2] ?? 3096);
const RECENT_MESSAGES = 50;
const RECONNECT_GRACE_MS = 10_000;

// GET /gc runs a full garbage collection when node runs with --expose-gc, so the benchmark reads comparable RSS,
// and answers process.memoryUsage() after it
const httpServer = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/gc' && typeof globalThis.gc === 'function') {
    globalThis.gc();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(process.memoryUsage()));
  } else {
    response.writeHead(404).end();
  }
});
const io = new Server(httpServer, { serveClient: false, perMessageDeflate: false, httpCompression: false });
const namespace = io.of('/watch-party');

/** partyId -> { users: Map(userId -> {userId, username, sockets: Set}), recent: [] } */
const parties = new Map();

const party = (partyId) => {
  let found = parties.get(partyId);
  if (!found) {
    found = { users: new Map(), recent: [], startedAt: Date.now() };
    parties.set(partyId, found);
  }
  return found;
};

const refuse = (ack, code, message, field) => ack?.({ ok: false,
  error: { code, message, ...(field ? { field } : {}) } });

function leave(socket, partyId, graceMs = 0) {
  const room = parties.get(partyId);
  socket.leave(partyId);
  socket.data.parties.delete(partyId);
  const user = room?.users.get(socket.data.userId);
  if (!user) return;
  user.sockets.delete(socket.id);
  if (graceMs > 0) {
    setTimeout(() => gone(room, partyId, user), graceMs);
  } else {
    gone(room, partyId, user);
  }
}

function gone(room, partyId, user) {
  if (user.sockets.size === 0 && room.users.get(user.userId) === user) {
    room.users.delete(user.userId);
    namespace.to(partyId).emit('user_left', { partyId, userId: user.userId, username: user.username });
    if (room.users.size === 0) parties.delete(partyId);
  }
}

namespace.on('connection', (socket) => {
  socket.data.token = socket.handshake.auth?.token ?? socket.handshake.query?.token ?? null; // accepted as is
  socket.data.parties = new Set();

  socket.on('join_party', (payload, ack) => {
    const partyId = typeof payload?.partyId === 'string' ? payload.partyId : null;
    if (!partyId) return refuse(ack, 'validation_failed', 'partyId is required', 'partyId');
    const userId = String(payload.userId ?? socket.data.userId ?? socket.id);
    const username = String(payload.username ?? userId);
    socket.data.userId = userId;
    socket.data.username = username;
    const room = party(partyId);
    socket.join(partyId);
    socket.data.parties.add(partyId);
    let user = room.users.get(userId);
    const first = !user;
    if (first) {
      user = { userId, username, sockets: new Set() };
      room.users.set(userId, user);
    }
    user.sockets.add(socket.id);
    ack?.({ ok: true, partyId, userId, username });
    const participants = [...room.users.values()].map((u) => ({ userId: u.userId, username: u.username }));
    socket.emit('participant_list', { partyId, participants, count: participants.length });
    socket.emit('sync_player', { partyId, state: 'paused', position: 0, serverTime: Date.now(), playbackRate: 1,
      updatedBy: null });
    room.recent.forEach((message) => socket.emit('new_message', message));
    if (first) namespace.to(partyId).emit('user_joined', { partyId, userId, username });
  });

  socket.on('send_message', (payload, ack) => {
    const partyId = payload?.partyId;
    if (!socket.data.parties.has(partyId)) return refuse(ack, 'not_joined', 'join_party first', 'partyId');
    const content = typeof payload.content === 'string' ? payload.content.trim() : '';
    if (content.length < 1 || content.length > 500) {
      return refuse(ack, 'validation_failed', 'content must be 1 to 500 characters', 'content');
    }
    const room = party(partyId);
    const now = Date.now();
    const message = { partyId, id: randomUUID(), userId: socket.data.userId, username: socket.data.username, content,
      realTime: new Date(now).toISOString(), eventTime: (now - room.startedAt) / 1000, mediaTime: 0 };
    room.recent.push(message);
    if (room.recent.length > RECENT_MESSAGES) room.recent.shift();
    ack?.({ ok: true, id: message.id });
    namespace.to(partyId).emit('new_message', message);
  });

  socket.on('leave_party', (payload, ack) => {
    const partyId = payload?.partyId;
    if (socket.data.parties.has(partyId)) leave(socket, partyId);
    ack?.({ ok: true, partyId });
  });

  socket.on('disconnect', () => [...socket.data.parties].forEach((partyId) => leave(socket, partyId,
    RECONNECT_GRACE_MS)));
});

httpServer.listen(port, '127.0.0.1', () => console.error(`[peer] socket.io peer on port ${port}, pid ${process.pid}`));
