import { EventEmitter } from 'node:events';
import { parseEnv } from '../../config/env.schema';
import { Clock } from './clock.service';
import { ClockReply, createClock, ParentChannel, ParentControlledClock } from './parent-controlled-clock';

// A process as the control sees it: an IPC channel (or none) and the messages its parent sends.
function fakeProcess(
  withChannel: boolean,
): ParentChannel & { sent: unknown[]; deliver(message: unknown): void; listeners(): number; unrefs: number } {
  const events = new EventEmitter();
  const sent: unknown[] = [];
  const proc = {
    sent,
    unrefs: 0,
    send: withChannel ? (message: unknown) => (sent.push(message), true) : undefined,
    channel: withChannel ? { unref: () => void proc.unrefs++ } : undefined,
    on: (event: 'message', listener: (message: unknown) => void) => events.on(event, listener),
    deliver: (message: unknown) => events.emit('message', message),
    listeners: () => events.listenerCount('message'),
  };
  return proc;
}

const SET = { type: 'clock:set', id: 1, at: '2026-10-21T08:00:00.000Z' };

describe('the app clock and its test control', () => {
  it.each(['production', 'development', 'test'] as const)(
    'is the system clock that listens to nothing without KOKEMUS_TEST_CLOCK (NODE_ENV=%s)',
    (NODE_ENV) => {
      const proc = fakeProcess(true);
      const clock = createClock({ NODE_ENV }, proc);
      expect(clock.constructor).toBe(Clock);
      expect(proc.listeners()).toBe(0);
      proc.deliver(SET);
      expect(proc.sent).toEqual([]);
      expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    },
  );

  it.each(['production', 'development'] as const)(
    'refuses the control outside the test suite (NODE_ENV=%s), at boot and in the configuration',
    (NODE_ENV) => {
      const proc = fakeProcess(true);
      expect(() => createClock({ NODE_ENV, KOKEMUS_TEST_CLOCK: 'ipc' }, proc)).toThrow(
        'KOKEMUS_TEST_CLOCK is for the test suite only and needs NODE_ENV=test',
      );
      expect(proc.listeners()).toBe(0);
      const parsed = parseEnv({
        NODE_ENV,
        KOKEMUS_TEST_CLOCK: 'ipc',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kokemus',
        REDIS_URL: 'redis://127.0.0.1:6379',
        SMTP_URL: 'smtp://127.0.0.1:1025',
        JWT_SECRET: 'x'.repeat(32),
        ENCRYPTION_KEY: 'k1:MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=',
      });
      expect(parsed).toEqual({
        ok: false,
        message: 'Configuration error: KOKEMUS_TEST_CLOCK is for the test suite only and needs NODE_ENV=test; unset it',
      });
    },
  );

  it('refuses the control in a process that has no IPC channel to a parent', () => {
    expect(() => createClock({ NODE_ENV: 'test', KOKEMUS_TEST_CLOCK: 'ipc' }, fakeProcess(false))).toThrow(
      /needs a process started with an IPC channel/,
    );
  });

  it('in a test child process, is moved by its parent, answers each message and goes back to real time', () => {
    const proc = fakeProcess(true);
    const clock = createClock({ NODE_ENV: 'test', KOKEMUS_TEST_CLOCK: 'ipc' }, proc);
    expect(clock).toBeInstanceOf(ParentControlledClock);
    expect(proc.unrefs).toBe(1);

    proc.deliver(SET);
    expect(clock.now().toISOString()).toBe(SET.at);
    // Standing still, as the in-process FakeClock does.
    expect(clock.now().toISOString()).toBe(SET.at);
    proc.deliver({ type: 'clock:set', id: 2, at: 'yesterday' });
    expect(clock.now().toISOString()).toBe(SET.at);
    proc.deliver({ type: 'something else', at: '2030-01-01T00:00:00Z' });
    proc.deliver({ type: 'clock:set', id: 3, at: null });
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);

    expect(proc.sent as ClockReply[]).toEqual([
      { type: 'clock:set:done', id: 1, now: SET.at },
      { type: 'clock:set:refused', id: 2, reason: 'not a time: yesterday' },
      { type: 'clock:set:done', id: 3, now: expect.any(String) },
    ]);
  });
});
