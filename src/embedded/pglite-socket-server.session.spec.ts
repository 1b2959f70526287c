import { Client } from 'pg';
import { FixedPGliteSocketServer, PGliteSession, setGucSql } from './pglite-socket-server';

// The server's session state machine against a fake PGlite session that speaks just enough of the protocol
// for pg's Client: it answers the startup, runs simple queries (BEGIN/COMMIT/ROLLBACK change its transaction
// status, NOTIFY sends a notification) and records what ran, in order, with the connection that sent it.

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const cstring = (s: string) => Buffer.from(`${s}\0`);

class FakeSession implements PGliteSession {
  readonly waitReady = Promise.resolve();
  status: 'I' | 'T' | 'E' = 'I';
  // What ran, in order: SQL texts, and the internal protocol messages by name.
  readonly log: string[] = [];
  private chain: Promise<unknown> = Promise.resolve();

  runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  isInTransaction(): boolean {
    return this.status !== 'I';
  }

  async execProtocolRawStream(
    msg: Uint8Array,
    { onRawData }: { onRawData: (chunk: Uint8Array) => void },
  ): Promise<void> {
    const buf = Buffer.from(msg);
    const ready = () => message('Z', Buffer.from(this.status));
    // A startup message starts with its length (no type byte), well below 2^24.
    if (buf[0] === 0) {
      onRawData(Buffer.concat([message('R', Buffer.alloc(4)), ready()]));
      return;
    }
    const type = String.fromCharCode(buf[0]);
    if (type === 'S') {
      this.log.push('<sync>');
      onRawData(ready());
      return;
    }
    if (type === 'f') {
      this.log.push('<copy fail>');
      return;
    }
    if (type !== 'Q') throw new Error(`the fake session runs simple queries only, got ${type}`);
    const sql = buf.subarray(5, buf.length - 1).toString('utf8');
    this.log.push(sql);
    const parts: Buffer[] = [];
    const notify = /^NOTIFY (\w+), '(.*)'$/.exec(sql);
    if (/^BEGIN/i.test(sql)) this.status = 'T';
    else if (/^(COMMIT|ROLLBACK)/i.test(sql)) this.status = 'I';
    else if (notify) {
      const pid = Buffer.alloc(4);
      pid.writeInt32BE(42);
      parts.push(message('A', Buffer.concat([pid, cstring(notify[1]), cstring(notify[2])])));
    }
    parts.push(message('C', cstring(sql.split(' ')[0].toUpperCase())), ready());
    onRawData(Buffer.concat(parts));
  }
}

describe('FixedPGliteSocketServer with a fake session', () => {
  let session: FakeSession;
  let server: FixedPGliteSocketServer;
  const clients: Client[] = [];

  async function start(lockWaitTimeoutMs = 5_000): Promise<void> {
    session = new FakeSession();
    server = new FixedPGliteSocketServer({ db: session, port: 0, lockWaitTimeoutMs });
    await server.start();
  }

  async function connect(options?: string): Promise<Client> {
    const [host, port] = server.getServerConn().split(':');
    const client = new Client({ host, port: Number(port), user: 'postgres', database: 'postgres', options });
    client.on('error', () => undefined);
    await client.connect();
    clients.push(client);
    return client;
  }

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
    await server.stop();
  });

  it('keeps the session on a connection for its whole transaction; another connection waits for the COMMIT', async () => {
    await start();
    const a = await connect();
    const b = await connect();
    await a.query('BEGIN');
    const waiting = b.query('SELECT 2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.getStats()).toMatchObject({ owner: expect.any(Number), queuedBatches: 1 });
    await a.query('SELECT 1');
    await a.query('COMMIT');
    await waiting;
    expect(session.log).toEqual(['BEGIN', 'SELECT 1', 'COMMIT', 'SELECT 2']);
    expect(server.getStats()).toMatchObject({ owner: null, queuedBatches: 0 });
  });

  it('fails a batch that waits longer than lockWaitTimeoutMs on another connection’s transaction with 55P03', async () => {
    await start(100);
    const a = await connect();
    const b = await connect();
    await a.query('BEGIN');
    await expect(b.query('SELECT 2')).rejects.toMatchObject({ code: '55P03' });
    // The connection is usable again once the transaction ends.
    await a.query('COMMIT');
    await b.query('SELECT 3');
    expect(session.log).toEqual(['BEGIN', 'COMMIT', 'SELECT 3']);
  });

  it('rolls back the transaction of a connection that goes away, and hands the session on', async () => {
    await start();
    const a = await connect();
    const b = await connect();
    await a.query('BEGIN');
    const waiting = b.query('SELECT 2');
    await a.end();
    await waiting;
    expect(session.log).toEqual(['BEGIN', '<copy fail>', '<sync>', 'ROLLBACK', 'SELECT 2']);
    expect(session.status).toBe('I');
  });

  it('SETs each connection’s startup options when the session switches to it, and back to DEFAULT', async () => {
    await start();
    const a = await connect('-c search_path="bullmq" -c statement_timeout=5000');
    const b = await connect();
    await a.query('SELECT 1');
    await b.query('SELECT 2');
    await a.query('SELECT 3');
    expect(session.log).toEqual([
      // Each startup runs on the session too.
      `SELECT pg_catalog.set_config('search_path', '"bullmq"', false)`,
      `SELECT pg_catalog.set_config('statement_timeout', '5000', false)`,
      'SET "search_path" TO DEFAULT',
      'SET "statement_timeout" TO DEFAULT',
      `SELECT pg_catalog.set_config('search_path', '"bullmq"', false)`,
      `SELECT pg_catalog.set_config('statement_timeout', '5000', false)`,
      'SELECT 1',
      'SET "search_path" TO DEFAULT',
      'SET "statement_timeout" TO DEFAULT',
      'SELECT 2',
      `SELECT pg_catalog.set_config('search_path', '"bullmq"', false)`,
      `SELECT pg_catalog.set_config('statement_timeout', '5000', false)`,
      'SELECT 3',
    ]);
  });

  it('passes a hostile startup option value as one string literal, never as SQL', async () => {
    await start();
    const hostile = `x';DROP/**/TABLE/**/t;--`;
    const c = await connect(
      `-c application_name=${hostile} -c search_path=public;SELECT/**/pg_sleep(9) -c work_mem=a\\';DROP`,
    );
    await c.query('SELECT 1');
    expect(session.log).toEqual([
      `SELECT pg_catalog.set_config('application_name', 'x'';DROP/**/TABLE/**/t;--', false)`,
      `SELECT pg_catalog.set_config('search_path', 'public;SELECT/**/pg_sleep(9)', false)`,
      // A backslash makes it an escape string with the backslash doubled, as pg quotes it.
      `SELECT pg_catalog.set_config('work_mem',  E'a\\\\'';DROP', false)`,
      'SELECT 1',
    ]);
  });

  it('routes a notification to the connections that LISTEN on its channel, whichever connection caused it', async () => {
    await start();
    const listener = await connect();
    const other = await connect();
    const notifier = await connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(`listener ${n.channel} ${n.payload}`));
    other.on('notification', (n) => heard.push(`other ${n.channel} ${n.payload}`));
    await listener.query('LISTEN jobs');
    await notifier.query(`NOTIFY jobs, 'hello'`);
    await other.query('SELECT 1');
    expect(heard).toEqual(['listener jobs hello']);
  });
});

describe('setGucSql', () => {
  it('passes name and value as literals to set_config, and quotes the name as an identifier for DEFAULT', () => {
    expect(setGucSql('search_path', '"bullmq"')).toBe(`SELECT pg_catalog.set_config('search_path', '"bullmq"', false)`);
    expect(setGucSql("a'b", `it's`)).toBe(`SELECT pg_catalog.set_config('a''b', 'it''s', false)`);
    expect(setGucSql('a"b', undefined)).toBe('SET "a""b" TO DEFAULT');
  });
});
