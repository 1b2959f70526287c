import { listenOps, parseStartupOptions } from './pglite-socket-server';

describe('socket server helpers', () => {
  it('finds LISTEN, UNLISTEN and DISCARD ALL, quoted or not, ignoring comments', () => {
    expect(listenOps('LISTEN bullmq_jobs')).toEqual([{ op: 'listen', channel: 'bullmq_jobs' }]);
    expect(listenOps('listen "Mixed ""Case"""; UNLISTEN Foo')).toEqual([
      { op: 'listen', channel: 'Mixed "Case"' },
      { op: 'unlisten', channel: 'foo' },
    ]);
    expect(listenOps('UNLISTEN *; DISCARD ALL')).toEqual([
      { op: 'unlisten', channel: '*' },
      { op: 'unlisten', channel: '*' },
    ]);
    expect(listenOps('-- LISTEN nope\nSELECT 1 /* LISTEN nope */')).toEqual([]);
    expect(listenOps('SELECT pg_notify($1, $2)')).toEqual([]);
  });

  it('reads -c settings from the startup options, as BullMQ sends its search_path', () => {
    expect(parseStartupOptions('-c search_path="bullmq"')).toEqual({ search_path: '"bullmq"' });
    expect(parseStartupOptions('-c statement_timeout=5000 --application_name=x')).toEqual({
      statement_timeout: '5000',
      application_name: 'x',
    });
    expect(parseStartupOptions(undefined)).toEqual({});
  });
});
