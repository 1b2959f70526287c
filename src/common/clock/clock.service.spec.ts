import { Clock } from './clock.service';

class SetClock extends Clock {
  protected override current(): Date {
    return new Date('2026-10-21T08:00:00Z');
  }
}

const AT = new Date('2025-03-04T10:00:00Z');

describe('Clock.replay', () => {
  it('shows the replayed time inside the replay only, through awaits, in subclasses too', async () => {
    for (const clock of [new Clock(), new SetClock()]) {
      const seen = await clock.replay(AT, async () => {
        await new Promise((r) => setTimeout(r, 1));
        return clock.now();
      });
      expect(seen).toEqual(AT);
      expect(clock.now()).not.toEqual(AT);
    }
  });

  it('does not reach callers outside it that run meanwhile', async () => {
    const clock = new Clock();
    let release!: () => void;
    const inside = clock.replay(AT, async () => {
      await new Promise<void>((r) => (release = r));
      return clock.now();
    });
    expect(clock.now()).not.toEqual(AT);
    release();
    await expect(inside).resolves.toEqual(AT);
  });

  it('ends with the replay: work it left behind sees the real time afterwards', async () => {
    const clock = new SetClock();
    let later!: () => Date;
    await clock.replay(AT, async () => {
      later = () => clock.now();
      expect(later()).toEqual(AT);
    });
    expect(later()).toEqual(new Date('2026-10-21T08:00:00Z'));
    // A timer set inside the replay and firing after it.
    const fired = await new Promise<Date>(
      (done) => void clock.replay(AT, async () => void setTimeout(() => done(clock.now()), 5)),
    );
    expect(fired).toEqual(new Date('2026-10-21T08:00:00Z'));
  });
});
