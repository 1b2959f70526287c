import { lateCancellationFeeCents } from '../../fees';
import { AssignmentStatus } from '../entities/assignment.entity';
import { canMove, lateCancellationMoment } from './time-change.rule';

const HOUR = 3_600_000;
const startsAt = new Date('2026-10-20T07:00:00Z');
const before = (hours: number) => new Date(startsAt.getTime() - hours * HOUR);
const feeDue = (at: Date) =>
  lateCancellationFeeCents({ cancelledAt: at, startsAt, cancelledBy: 'county', fullFeeCents: 5000, thresholdHours: 48 })
    .due;

describe('time change rules', () => {
  describe('lateCancellationMoment', () => {
    it('is now when no change was declined', () => {
      expect(lateCancellationMoment(before(10), startsAt, [])).toEqual(before(10));
    });

    it('counts a cancellation after a declined change from when the change was proposed', () => {
      const moment = lateCancellationMoment(before(10), startsAt, [{ proposedAt: before(72), fromStartsAt: startsAt }]);
      expect(moment).toEqual(before(72));
      expect(feeDue(before(10))).toBe(true);
      expect(feeDue(moment)).toBe(false);
    });

    it('still finds the fee due when the declined change was itself proposed inside the 48 hours', () => {
      const moment = lateCancellationMoment(before(10), startsAt, [{ proposedAt: before(30), fromStartsAt: startsAt }]);
      expect(feeDue(moment)).toBe(true);
    });

    it('takes the earliest of several declined changes', () => {
      const declined = [
        { proposedAt: before(50), fromStartsAt: startsAt },
        { proposedAt: before(100), fromStartsAt: startsAt },
      ];
      expect(lateCancellationMoment(before(10), startsAt, declined)).toEqual(before(100));
    });

    it('ignores a change proposed against a time the work no longer has', () => {
      const earlierTime = new Date(startsAt.getTime() - 7 * 24 * HOUR);
      const declined = [{ proposedAt: before(300), fromStartsAt: earlierTime }];
      expect(lateCancellationMoment(before(10), startsAt, declined)).toEqual(before(10));
    });
  });

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
