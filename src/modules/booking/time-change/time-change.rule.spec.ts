import { AssignmentStatus } from '../entities/assignment.entity';
import { canMove } from './time-change.rule';

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
});
