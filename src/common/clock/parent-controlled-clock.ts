import { Logger } from '@nestjs/common';
import type { Env } from '../../config/env.schema';
import { Clock } from './clock.service';

// What a test sends to an app it started as a child process, and what the app answers. `at: null` goes back
// to the real time.
export interface ClockSetMessage {
  type: 'clock:set';
  id: number;
  at: string | null;
}
export type ClockReply =
  { type: 'clock:set:done'; id: number; now: string } | { type: 'clock:set:refused'; id: number; reason: string };

// The part of a process the control needs: its IPC channel to the parent.
export interface ParentChannel {
  send?: (message: unknown) => boolean;
  channel?: { unref(): void } | null;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

function isClockSet(message: unknown): message is ClockSetMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'clock:set';
}

// The clock of an app that a test runs as a child process (the embedded mode: PGlite cannot start inside
// Jest). It is the system clock until the parent sets it; a set clock stands still, like the in-process
// tests' FakeClock, so that both run the same steps alike.
export class ParentControlledClock extends Clock {
  private fixed: Date | null = null;

  protected override current(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  answer(message: ClockSetMessage): ClockReply {
    if (message.at === null) {
      this.fixed = null;
    } else {
      const at = new Date(message.at);
      if (typeof message.at !== 'string' || Number.isNaN(at.getTime()))
        return { type: 'clock:set:refused', id: message.id, reason: `not a time: ${String(message.at)}` };
      this.fixed = at;
    }
    return { type: 'clock:set:done', id: message.id, now: this.now().toISOString() };
  }
}

// The app's clock. Only a process of the test suite (NODE_ENV=test, which the configuration demands of
// KOKEMUS_TEST_CLOCK) started by its parent with an IPC channel gets a clock that the parent moves; any other
// process gets the system clock and listens to nothing. Asked for the control without a channel, it refuses
// to boot rather than run on a clock nobody can move.
export function createClock(env: Pick<Env, 'NODE_ENV' | 'KOKEMUS_TEST_CLOCK'>, proc: ParentChannel = process): Clock {
  if (!env.KOKEMUS_TEST_CLOCK) return new Clock();
  if (env.NODE_ENV !== 'test') throw new Error('KOKEMUS_TEST_CLOCK is for the test suite only and needs NODE_ENV=test');
  const send = proc.send?.bind(proc);
  if (!send || !proc.channel)
    throw new Error(
      'KOKEMUS_TEST_CLOCK=ipc needs a process started with an IPC channel (child_process.fork, or stdio "ipc")',
    );
  const clock = new ParentControlledClock();
  proc.on('message', (message) => {
    if (isClockSet(message)) send(clock.answer(message));
  });
  // The channel never keeps the app alive on its own.
  proc.channel.unref();
  new Logger('Clock').warn(
    'Test clock: the parent process may move this process’s clock (KOKEMUS_TEST_CLOCK=ipc, NODE_ENV=test)',
  );
  return clock;
}
