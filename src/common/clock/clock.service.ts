import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';

// A replayed moment; `at` is cleared when the replay ends, so work it left behind sees the real time again.
interface Replay {
  at: Date | null;
}

const replays = new AsyncLocalStorage<Replay>();

// Time comes from here so that tests can move it; nothing else calls new Date() for business rules.
@Injectable()
export class Clock {
  now(): Date {
    const at = replays.getStore()?.at;
    return at ? new Date(at) : this.current();
  }

  // The demo seed tells a story that happened before it ran: inside fn, and only there, the real services see
  // `at` as the time. Every other caller (requests, workers) keeps the clock's own time.
  async replay<T>(at: Date, fn: () => Promise<T>): Promise<T> {
    const replay: Replay = { at };
    try {
      return await replays.run(replay, fn);
    } finally {
      replay.at = null;
    }
  }

  protected current(): Date {
    return new Date();
  }
}
