import { AssignmentStatus } from '../../booking/entities/assignment.entity';
import {
  approvalStep,
  canEdit,
  canSubmit,
  claimKind,
  kmToTenths,
  maxClaimableMinutes,
  needsTwoApprovals,
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

describe('four eyes', () => {
  const A = 'coordinator-a';
  const B = 'coordinator-b';

  it.each([
    [50_00, null, false],
    [50_00, 0, true],
    [0, 0, false],
    [500_00, 500_00, false],
    [500_01, 500_00, true],
  ])('a claim of %i cents over a limit of %s needs two approvals: %s', (total, above, two) => {
    expect(needsTwoApprovals(total, above)).toBe(two);
  });

  it.each([
    [100_00, null, null, A, 'approve'],
    [100_00, 500_00, null, A, 'approve'],
    [600_00, 500_00, null, A, 'first_approval'],
    [600_00, 500_00, A, A, 'same_approver'],
    [600_00, 500_00, A, B, 'approve'],
    // The setting was turned off after the first approval: the one who approved first may now decide alone.
    [600_00, null, A, A, 'approve'],
  ] as const)('%i cents, limit %s, first approver %s, approver %s: %s', (total, above, first, approver, step) => {
    expect(approvalStep({ totalCents: total, fourEyesAboveCents: above, firstApprovedBy: first, approver })).toBe(step);
  });
});
