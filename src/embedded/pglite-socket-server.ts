import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { escapeIdentifier, escapeLiteral } from 'pg';

// A replacement for @electric-sql/pglite-socket's PGLiteSocketServer (0.2.17) that fixes what bites a
// multi-connection pg.Pool / BullMQ on one PGlite session:
//  1. Affinity by protocol state, not only by transaction: a connection keeps the session from its first
//     message until PGlite answers ReadyForQuery with status 'I' (idle). Extended-protocol batches
//     (Parse/Bind/Describe/Execute/Sync) therefore never interleave across connections, and an open
//     transaction (status 'T' or 'E') or COPY keeps the session pinned to its connection.
//  2. A batch that waits on another connection's open transaction fails after `lockWaitTimeoutMs` with
//     SQLSTATE 55P03 instead of hanging forever.
//  3. LISTEN/NOTIFY across connections: NotificationResponse messages are routed to every connection that
//     issued LISTEN on the channel (PGlite hands them to whichever connection happened to run).
//  4. Startup `options` (-c search_path=...) are honoured per connection: the server SETs them when the
//     session switches to that connection (BullMQ pins its schema this way).
//  5. An internal error never wedges the queue; a disconnect mid-transaction rolls back.
// The whole batch runs inside db.runExclusive, so nothing else can run on the session meanwhile.
//
// Upstream: 1, 2 and 5 are electric-sql/pglite issue #1046 ("pglite-socket: concurrent extended-protocol
// batches interleave across connections; one internal throw permanently deadlocks the query queue",
// https://github.com/electric-sql/pglite/issues/1046) and pull request #977 ("Fix extended-query isolation for
// pooled postgres.js clients in pglite-socket", https://github.com/electric-sql/pglite/pull/977), both open
// when this was written. No upstream issue or pull request was found for 3 (LISTEN/NOTIFY routing) or 4
// (startup options).
// Remove when fixed upstream: once a pglite-socket release has #977 (or another fix for #1046) and 3 and 4,
// use its PGLiteSocketServer and delete this file (pglite-socket-server.spec.ts describes what it must do).

// Only what the server needs of PGlite, so that this file can be loaded (and its helpers tested) without it.
export type PGliteSession = Pick<PGlite, 'waitReady' | 'runExclusive' | 'execProtocolRawStream' | 'isInTransaction'>;

export interface SocketServerOptions {
  db: PGliteSession;
  host?: string;
  // 0 lets the operating system pick a free port; getServerConn() tells which.
  port?: number;
  maxConnections?: number;
  lockWaitTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface ListenOp {
  op: 'listen' | 'unlisten';
  // '*' is UNLISTEN * (or DISCARD ALL)
  channel: string;
}

interface Batch {
  conn: Connection;
  msgs: Uint8Array[];
  startup: boolean;
  ops: ListenOp[];
  timer?: NodeJS.Timeout;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
// Frontend messages that end a batch: Sync, Query, Flush, CopyDone, CopyFail.
const BATCH_ENDS = new Set(['S', 'Q', 'H', 'c', 'f']);

function errorResponse(code: string, message: string): Buffer {
  const fields: [string, string][] = [
    ['S', 'ERROR'],
    ['V', 'ERROR'],
    ['C', code],
    ['M', message],
  ];
  const body = Buffer.concat([...fields.map(([k, v]) => Buffer.from(`${k}${v}\0`)), Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

const READY_IDLE = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]); // 'Z' len=5 'I'
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const COPY_FAIL = new Uint8Array([0x66, 0, 0, 0, 5, 0]);

function simpleQuery(sql: string): Uint8Array {
  const body = Buffer.from(`${sql}\0`);
  const head = Buffer.alloc(5);
  head.write('Q', 0);
  head.writeInt32BE(body.length + 4, 1);
  return new Uint8Array(Buffer.concat([head, body]));
}

// pg's quoting, as its Client#escapeIdentifier and #escapeLiteral do it.
const quoteIdent = (s: string): string => escapeIdentifier(s);

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
}

// LISTEN / UNLISTEN / DISCARD ALL in a SQL text, in order.
export function listenOps(sql: string): ListenOp[] {
  const ops: ListenOp[] = [];
  const re = /\b(UNLISTEN|LISTEN)\s+("(?:[^"]|"")+"|\*|[A-Za-z_][\w$]*)|\bDISCARD\s+ALL\b/gi;
  for (const m of stripComments(sql).matchAll(re)) {
    if (!m[1]) {
      ops.push({ op: 'unlisten', channel: '*' });
      continue;
    }
    const raw = m[2];
    const channel = raw === '*' ? '*' : raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toLowerCase();
    ops.push({ op: m[1].toUpperCase() === 'LISTEN' ? 'listen' : 'unlisten', channel });
  }
  return ops;
}

// Parses "-c a=b -c search_path=\"x\"" / "--a=b" from the startup `options` parameter.
export function parseStartupOptions(options: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!options) return out;
  const re = /(?:-c\s*|--)([A-Za-z_.]+)=("(?:[^"\\]|\\.)*"|\S+)/g;
  for (const m of options.matchAll(re)) out[m[1].toLowerCase()] = m[2];
  return out;
}

// The SQL that applies one startup option. The value comes from the client, so it is never SQL: it goes to
// set_config as a string literal, which is how PostgreSQL itself applies a startup option (the raw text;
// `-c search_path="bullmq"` sets search_path to "bullmq" with its quotes, read as a quoted schema name).
// Not `SET name TO 'value'`: for a list setting such as search_path that would quote the whole text as one
// schema name. undefined: back to the default.
export function setGucSql(name: string, value: string | undefined): string {
  return value === undefined
    ? `SET ${quoteIdent(name)} TO DEFAULT`
    : `SELECT pg_catalog.set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, false)`;
}

class Connection {
  lastSql = '';
  readonly listens = new Set<string>();
  gucs: Record<string, string> = {}; // from startup options
  closed = false;
  private buf: Buffer = Buffer.alloc(0);
  private started = false;
  private pending: Uint8Array[] = []; // frontend messages not yet terminated by Sync/Query/Flush
  private pendingListenOps: ListenOp[] = [];

  constructor(
    private readonly server: FixedPGliteSocketServer,
    readonly socket: net.Socket,
    readonly id: number,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  write(b: Uint8Array): void {
    if (!this.closed && this.socket.writable) this.socket.write(b);
  }

  private onData(d: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      if (!this.started) {
        if (this.buf.length < 8) return;
        const len = this.buf.readInt32BE(0);
        if (len < 8 || len > 10000) return this.protocolViolation('invalid startup packet length');
        if (this.buf.length < len) return;
        const code = this.buf.readInt32BE(4);
        const msg = this.buf.subarray(0, len);
        this.buf = this.buf.subarray(len);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          this.write(Buffer.from('N'));
          continue;
        }
        if (code === CANCEL_REQUEST) {
          // cancel is not supported
          this.socket.destroy();
          return;
        }
        if (code !== PROTOCOL_3) {
          this.write(errorResponse('08P01', 'unsupported protocol'));
          this.socket.destroy();
          return;
        }
        const params = msg.subarray(8).toString('utf8').split('\0');
        for (let i = 0; i + 1 < params.length; i += 2)
          if (params[i] === 'options') this.gucs = parseStartupOptions(params[i + 1]);
        this.started = true;
        this.server.enqueue(this, [new Uint8Array(msg)], true);
        continue;
      }
      if (this.buf.length < 5) return;
      const len = this.buf.readInt32BE(1);
      if (len < 4 || len > 0x3fffffff) return this.protocolViolation('invalid message length');
      if (this.buf.length < len + 1) return;
      const type = String.fromCharCode(this.buf[0]);
      const msg = this.buf.subarray(0, len + 1);
      this.buf = this.buf.subarray(len + 1);
      if (type === 'X') {
        this.socket.end();
        this.close();
        return;
      }
      if (type === 'Q' || type === 'P') {
        const sql =
          type === 'Q'
            ? msg.subarray(5, msg.length - 1).toString('utf8')
            : (msg.subarray(5).toString('utf8').split('\0')[1] ?? '');
        this.lastSql = sql.replace(/\s+/g, ' ').trim().slice(0, 200);
        this.pendingListenOps.push(...listenOps(sql));
      }
      this.pending.push(new Uint8Array(msg));
      if (BATCH_ENDS.has(type)) {
        const batch = this.pending;
        const ops = this.pendingListenOps;
        this.pending = [];
        this.pendingListenOps = [];
        this.server.enqueue(this, batch, false, ops);
      }
    }
  }

  private protocolViolation(why: string): void {
    // never hand a malformed message to PGlite (it can spin or abort the whole process)
    this.write(errorResponse('08P01', why));
    this.socket.destroy();
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.server.onClose(this);
  }
}

export class FixedPGliteSocketServer {
  private readonly db: PGliteSession;
  private readonly host: string;
  private port: number;
  private readonly maxConnections: number;
  private readonly lockWaitTimeoutMs: number;
  private readonly log: (message: string) => void;
  private readonly conns = new Set<Connection>();
  private readonly sockets = new Set<net.Socket>();
  private queue: Batch[] = [];
  private owner: Connection | null = null; // connection holding the session (mid-batch, in a transaction, or in COPY)
  private releaseOwner = false;
  private session: Connection | null = null; // whose startup GUCs are applied
  private running = false;
  private stopped = false;
  private appliedGucs: Record<string, string> = {}; // name -> value currently SET on the session by us (absent: DEFAULT)
  private nextId = 1;
  private server?: net.Server;

  constructor(options: SocketServerOptions) {
    this.db = options.db;
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? 0;
    this.maxConnections = options.maxConnections ?? 100;
    this.lockWaitTimeoutMs = options.lockWaitTimeoutMs ?? 15_000;
    this.log = options.log ?? (() => undefined);
  }

  async start(): Promise<void> {
    await this.db.waitReady;
    const server = net.createServer((s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      if (this.conns.size >= this.maxConnections) {
        s.end(errorResponse('53300', 'sorry, too many clients already'));
        return;
      }
      this.conns.add(new Connection(this, s, this.nextId++));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => {
        const address = server.address();
        if (address && typeof address === 'object') this.port = address.port;
        resolve();
      });
    });
  }

  getServerConn(): string {
    return `${this.host}:${this.port}`;
  }

  getStats(): { activeConnections: number; queuedBatches: number; owner: number | null } {
    return { activeConnections: this.conns.size, queuedBatches: this.queue.length, owner: this.owner?.id ?? null };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const s of this.sockets) s.destroy();
    for (const item of this.queue) clearTimeout(item.timer);
    this.queue = [];
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    // wait for an in-flight batch so db.close() does not race it
    while (this.running) await new Promise((r) => setTimeout(r, 5));
  }

  enqueue(conn: Connection, msgs: Uint8Array[], startup: boolean, ops: ListenOp[] = []): void {
    const item: Batch = { conn, msgs, startup, ops };
    this.queue.push(item);
    if (this.lockWaitTimeoutMs > 0) item.timer = setTimeout(() => this.expire(item), this.lockWaitTimeoutMs);
    this.pump();
  }

  private expire(item: Batch): void {
    const i = this.queue.indexOf(item);
    if (i < 0) return;
    if (!this.owner || this.owner === item.conn) {
      item.timer = setTimeout(() => this.expire(item), this.lockWaitTimeoutMs);
      return;
    }
    this.queue.splice(i, 1);
    const msg =
      `embedded PostgreSQL (PGlite) runs one session: this connection waited ${this.lockWaitTimeoutMs} ms for connection ` +
      `#${this.owner.id}'s open transaction (its last statement: ${this.owner.lastSql}). ` +
      'Do not hold a transaction while waiting on another connection.';
    this.log(`conn #${item.conn.id}: ${msg}`);
    item.conn.write(errorResponse('55P03', msg));
    if (item.startup) {
      item.conn.socket.destroy();
      return;
    }
    const last = String.fromCharCode(item.msgs[item.msgs.length - 1][0]);
    if (last === 'S' || last === 'Q') item.conn.write(READY_IDLE);
  }

  onClose(conn: Connection): void {
    this.conns.delete(conn);
    this.queue = this.queue.filter((it) => {
      if (it.conn !== conn) return true;
      clearTimeout(it.timer);
      return false;
    });
    if (this.owner === conn) this.releaseOwner = true; // rolled back by the pump, inside runExclusive
    this.pump();
  }

  private pump(): void {
    if (this.running || this.stopped) return;
    let idx: number;
    if (this.owner && !this.releaseOwner) idx = this.queue.findIndex((it) => it.conn === this.owner);
    else idx = this.queue.length > 0 || this.releaseOwner ? 0 : -1;
    if (idx < 0) return;
    this.running = true;
    this.runNext(idx)
      .catch((err: Error) => this.log(`internal error: ${err.stack ?? err.message}`))
      .finally(() => {
        this.running = false;
        setImmediate(() => this.pump());
      });
  }

  // Runs SQL on the session, discarding the answer. Only call inside runExclusive.
  private async execInternal(sql: string): Promise<void> {
    await this.db.execProtocolRawStream(simpleQuery(sql), { onRawData: () => undefined, syncToFs: false });
  }

  private async runNext(idx: number): Promise<void> {
    await this.db.runExclusive(async () => {
      if (this.releaseOwner) {
        // the owner disconnected: end any half-done extended batch / COPY and roll back
        this.releaseOwner = false;
        const gone = this.owner;
        this.owner = null;
        await this.db.execProtocolRawStream(COPY_FAIL, { onRawData: () => undefined }).catch(() => undefined);
        await this.db.execProtocolRawStream(SYNC, { onRawData: () => undefined }).catch(() => undefined);
        if (this.db.isInTransaction()) await this.execInternal('ROLLBACK');
        this.log(`conn #${gone?.id} closed while holding the session: rolled back`);
        return;
      }
      const item = this.queue.splice(idx, 1)[0];
      if (!item) return;
      clearTimeout(item.timer);
      const conn = item.conn;
      if (conn.closed) return;
      await this.applyGucs(conn);
      // Parse the output stream: route 'A' (NotificationResponse), watch 'Z' (ReadyForQuery) and 'G' (CopyIn).
      let carry: Buffer = Buffer.alloc(0);
      let lastStatus: string | null = null;
      let copyIn = false;
      const onRawData = (chunk: Uint8Array): void => {
        const b = carry.length ? Buffer.concat([carry, Buffer.from(chunk)]) : Buffer.from(chunk);
        let off = 0;
        let flushFrom = 0;
        const parts: Buffer[] = [];
        while (b.length - off >= 5) {
          const len = b.readInt32BE(off + 1);
          if (b.length - off < len + 1) break;
          const type = String.fromCharCode(b[off]);
          if (type === 'Z') {
            lastStatus = String.fromCharCode(b[off + 5]);
            copyIn = false;
          }
          if (type === 'G') copyIn = true;
          if (type === 'A') {
            if (off > flushFrom) parts.push(b.subarray(flushFrom, off));
            this.routeNotification(b.subarray(off, off + len + 1));
            flushFrom = off + len + 1;
          }
          off += len + 1;
        }
        if (off > flushFrom) parts.push(b.subarray(flushFrom, off));
        carry = Buffer.from(b.subarray(off));
        for (const p of parts) conn.write(Buffer.from(p));
      };
      try {
        for (let i = 0; i < item.msgs.length; i++) {
          await this.db.execProtocolRawStream(item.msgs[i], { onRawData, syncToFs: i === item.msgs.length - 1 });
        }
      } catch (err) {
        // never wedge: report to this client and drop it
        this.log(`conn #${conn.id}: internal error: ${(err as Error).message}`);
        conn.write(errorResponse('XX000', `embedded PostgreSQL internal error: ${(err as Error).message}`));
        conn.socket.destroy();
        this.owner = conn;
        this.releaseOwner = true;
        return;
      }
      if (carry.length) conn.write(carry);
      if (item.startup) this.owner = null;
      else if (lastStatus === 'I' && !copyIn) this.owner = null;
      else this.owner = conn; // mid-batch (Flush), in a transaction ('T'/'E') or in COPY: keep the session
      for (const op of item.ops) await this.applyListenOp(conn, op);
    });
  }

  private async applyGucs(conn: Connection): Promise<void> {
    if (this.session === conn) return;
    this.session = conn;
    const names = new Set([...Object.keys(this.appliedGucs), ...Object.keys(conn.gucs)]);
    for (const name of names) {
      const want: string | undefined = conn.gucs[name];
      if (this.appliedGucs[name] === want) continue;
      await this.execInternal(setGucSql(name, want));
      if (want === undefined) delete this.appliedGucs[name];
      else this.appliedGucs[name] = want;
    }
  }

  private async applyListenOp(conn: Connection, { op, channel }: ListenOp): Promise<void> {
    if (op === 'listen') {
      conn.listens.add(channel);
      return;
    }
    if (channel === '*') conn.listens.clear();
    else conn.listens.delete(channel);
    // UNLISTEN on the shared session also silenced other connections: re-LISTEN what they still need.
    const still = new Set<string>();
    for (const c of this.conns) for (const ch of c.listens) still.add(ch);
    for (const ch of still) await this.execInternal(`LISTEN ${quoteIdent(ch)}`);
  }

  private routeNotification(msg: Buffer): void {
    // 'A' len pid channel\0 payload\0
    const str = msg.subarray(9).toString('utf8');
    const channel = str.slice(0, str.indexOf('\0'));
    for (const c of this.conns) if (c.listens.has(channel)) c.write(Buffer.from(msg));
  }
}
