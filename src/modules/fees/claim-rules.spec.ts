import { AssignmentStatus } from '../booking/entities/assignment.entity';
import { claimKind, kmToTenths, maxClaimableMinutes, tripDateAllowed, withinTimeLimit } from './claim-rules';

describe('claimKind', () => {
  it.each([
    [AssignmentStatus.Completed, false, 'work'],
    [AssignmentStatus.Cancelled, true, 'late_cancellation'],
    [AssignmentStatus.Cancelled, false, null],
    [AssignmentStatus.NotHeld, false, null],
    [AssignmentStatus.Accepted, false, null],
    [AssignmentStatus.Confirmed, true, null],
  ])('%s with fee due %s gives %s', (status, feeDue, kind) => {
    expect(claimKind({ status, feeDue })).toBe(kind);
  });
});

describe('withinTimeLimit', () => {
  const end = new Date('2026-10-20T09:00:00Z');
  it.each([
    ['2026-10-20T10:00:00Z', true],
    ['2026-12-19T09:00:00Z', true],
    ['2026-12-19T09:00:00.001Z', false],
    ['2027-01-01T00:00:00Z', false],
  ])('at %s: %s', (now, ok) => {
    expect(withinTimeLimit(end, new Date(now), 60)).toBe(ok);
  });
});

describe('maxClaimableMinutes', () => {
  it('is the booked time plus preparation plus an hour', () => {
    expect(maxClaimableMinutes({ startsAt: new Date('2026-10-20T07:00:00Z'), endsAt: new Date('2026-10-20T09:30:00Z') }, 45)).toBe(150 + 45 + 60);
  });
});

describe('tripDateAllowed', () => {
  it.each([
    ['2026-10-20', true],
    ['2026-10-19', true],
    ['2026-10-21', true],
    ['2026-10-22', false],
    ['2026-09-20', false],
    ['not-a-date', false],
  ])('%s for work on 2026-10-20: %s', (date, ok) => {
    expect(tripDateAllowed(date, '2026-10-20')).toBe(ok);
  });
});

describe('kmToTenths', () => {
  it.each([
    [12.5, 125],
    [0.1, 1],
    [999.9, 9999],
    [0.3 + 0.6, 9],
  ])('%d km is %i tenths', (km, tenths) => {
    expect(kmToTenths(km)).toBe(tenths);
  });
});
