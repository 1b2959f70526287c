import { RequestStatus } from '../entities/booking-request.entity';
import { canCancel, canOffer, canSubmit, fillStatus } from './request-transitions.rule';

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
});
