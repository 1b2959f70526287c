import { RequestStatus } from '../entities/booking-request.entity';
import { canCancel, canOffer, canSubmit, fillStatus, workEnded } from './request-transitions.rule';

describe('request transitions', () => {
  it.each([
    [0, 3, RequestStatus.Matching],
    [1, 3, RequestStatus.PartiallyFilled],
    [3, 3, RequestStatus.Filled],
    [4, 3, RequestStatus.Filled],
  ])('%i of %i holding → %s', (holding, needed, expected) => {
    expect(fillStatus(holding, needed)).toBe(expected);
  });

  it.each(Object.values(RequestStatus))('%s: submit, offer, cancel', (status) => {
    expect(canSubmit(status)).toBe(status === RequestStatus.Draft);
    expect(canOffer(status)).toBe(['submitted', 'matching', 'partially_filled'].includes(status));
    expect(canCancel(status)).toBe(!['completed', 'cancelled'].includes(status));
  });

  it('holds ended work from its end on: none booked, all still ahead, or one ended', () => {
    const now = new Date('2026-10-18T08:00:00Z');
    const at = (iso: string) => ({ endsAt: new Date(iso) });
    expect(workEnded([], now)).toBe(false);
    expect(workEnded([at('2026-10-18T08:00:00.001Z'), at('2026-10-19T08:00:00Z')], now)).toBe(false);
    expect(workEnded([at('2026-10-19T08:00:00Z'), at('2026-10-18T08:00:00Z')], now)).toBe(true);
  });
});
