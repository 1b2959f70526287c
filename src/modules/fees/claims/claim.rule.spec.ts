import { AssignmentStatus } from '../../booking/entities/assignment.entity';
import {
  canEdit,
  canSubmit,
  claimKind,
  kmToTenths,
  maxClaimableMinutes,
  tripDateAllowed,
  withinTimeLimit,
} from './claim.rule';
import { ClaimStatus } from '../entities/claim.entity';

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
    expect(
      maxClaimableMinutes({ startsAt: new Date('2026-10-20T07:00:00Z'), endsAt: new Date('2026-10-20T09:30:00Z') }, 45),
    ).toBe(150 + 45 + 60);
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

describe('canEdit and canSubmit', () => {
  it.each([
    [ClaimStatus.Draft, false, true],
    [ClaimStatus.Returned, false, true],
    [ClaimStatus.Submitted, false, false],
    [ClaimStatus.Approved, false, false],
    [ClaimStatus.Paid, false, false],
    // Filed for the expert already submitted: their travel and costs can still be added until the coordinator decides.
    [ClaimStatus.Submitted, true, true],
    [ClaimStatus.Draft, true, true],
    [ClaimStatus.Returned, true, true],
    [ClaimStatus.Approved, true, false],
    [ClaimStatus.Paid, true, false],
  ])('a %s claim (late cancellation: %s) can be changed: %s', (status, lateCancellation, editable) => {
    expect(canEdit(status, lateCancellation)).toBe(editable);
  });

  it('sends again only a draft or a returned claim, never a submitted one', () => {
    expect(Object.values(ClaimStatus).filter(canSubmit).sort()).toEqual([ClaimStatus.Draft, ClaimStatus.Returned]);
  });
});
