import { lookAgainIn, lookAgainWhile } from './look-again';

describe('how soon a screen looks again at what the worker is making', () => {
  it('looks after a quarter of a second first, then half as often each time, at most every mostMs', () => {
    expect([0, 1, 2, 3, 4, 10].map((looks) => lookAgainIn(looks, 2000))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect([0, 1, 2, 3].map((looks) => lookAgainIn(looks, 1000))).toEqual([250, 500, 1000, 1000]);
  });

  it('counts the reads from when the wait began, and the same number between two reads', () => {
    const query = { state: { dataUpdateCount: 7 } };
    expect(lookAgainWhile(query, false, 2000)).toBe(false);
    expect(lookAgainWhile(query, true, 2000)).toBe(250);
    // A render between two reads asks again: the same delay, so the timer is not restarted.
    expect(lookAgainWhile(query, true, 2000)).toBe(250);
    query.state.dataUpdateCount = 8;
    expect(lookAgainWhile(query, true, 2000)).toBe(500);
    query.state.dataUpdateCount = 12;
    expect(lookAgainWhile(query, true, 2000)).toBe(2000);
    // Done, then waiting again (a contract signed after its PDF came): soon again.
    expect(lookAgainWhile(query, false, 2000)).toBe(false);
    query.state.dataUpdateCount = 13;
    expect(lookAgainWhile(query, true, 2000)).toBe(250);
  });
});
