import { AssignmentStatus } from '../entities/assignment.entity';
import { canMove, hasLapsed } from './time-change.rule';

const HOUR = 3_600_000;
const startsAt = new Date('2026-10-20T07:00:00Z');
const before = (hours: number) => new Date(startsAt.getTime() - hours * HOUR);

describe('time change rules', () => {
  describe('canMove', () => {
    const now = before(24);
    it.each([
      [AssignmentStatus.Accepted, startsAt, true],
      [AssignmentStatus.Confirmed, startsAt, true],
      [AssignmentStatus.Accepted, now, false],
      [AssignmentStatus.Cancelled, startsAt, false],
      [AssignmentStatus.Completed, startsAt, false],
    ])('a %s assignment starting at %s: %s', (status, start, expected) => {
      expect(canMove(status, start, now)).toBe(expected);
    });
  });

  describe('hasLapsed', () => {
    const proposed = { startsAt: new Date(startsAt.getTime() + 48 * HOUR) };
    const earlier = { startsAt: before(48) };
    it.each([
      ['both starts ahead', proposed, before(1), false],
      ['the work begun', proposed, startsAt, true],
      ['the work ended, the proposed start still ahead', proposed, new Date(startsAt.getTime() + 2 * HOUR), true],
      ['an earlier proposed start passed, the work still ahead', earlier, before(48), true],
      ['an earlier proposed start still ahead', earlier, before(49), false],
    ])('%s: %s', (_label, proposal, now, expected) => {
      expect(hasLapsed(proposal, startsAt, now)).toBe(expected);
    });
  });
});
