import { DateTime } from 'luxon';
import { COUNTY_ZONE } from '../../../common/i18n/format';
import { AssignmentStatus } from '../../booking/entities/assignment.entity';
import { ClaimStatus } from '../entities/claim.entity';

// Pure rules of a claim: what can be claimed, until when, and which numbers are plausible.

// Reported minutes may exceed the booked time plus preparation by this much (the meeting ran late).
export const MINUTES_MARGIN = 60;
// All trips of one claim together; the county is some 200 km end to end, so 2,000 km is already generous.
export const MAX_TOTAL_KM = 2000;
export const MAX_COSTS_PER_CLAIM = 20;

export interface ClaimableAssignment {
  status: AssignmentStatus;
  feeDue: boolean;
  startsAt: Date;
  endsAt: Date;
}

// Completed work, or work the county cancelled so late that the fee is still due.
export function claimKind(a: Pick<ClaimableAssignment, 'status' | 'feeDue'>): 'work' | 'late_cancellation' | null {
  if (a.status === AssignmentStatus.Completed) return 'work';
  if (a.status === AssignmentStatus.Cancelled && a.feeDue) return 'late_cancellation';
  return null;
}

export function bookedMinutes(a: Pick<ClaimableAssignment, 'startsAt' | 'endsAt'>): number {
  return Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
}

export function maxClaimableMinutes(
  a: Pick<ClaimableAssignment, 'startsAt' | 'endsAt'>,
  bookedPreparationMinutes: number,
): number {
  return bookedMinutes(a) + bookedPreparationMinutes + MINUTES_MARGIN;
}

// The limit counts in whole days from the end: filed on the last day is in time; the next instant is not.
export function filingDeadline(endsAt: Date, limitDays: number): Date {
  return new Date(endsAt.getTime() + limitDays * 24 * 3600_000);
}

export function withinTimeLimit(endsAt: Date, now: Date, limitDays: number): boolean {
  return now.getTime() <= filingDeadline(endsAt, limitDays).getTime();
}

// A trip belongs to the assignment: on its day, or the evening before or the morning after.
export function tripDateAllowed(tripDate: string, workDate: string): boolean {
  const trip = DateTime.fromISO(tripDate, { zone: COUNTY_ZONE });
  const work = DateTime.fromISO(workDate, { zone: COUNTY_ZONE });
  if (!trip.isValid || !work.isValid) return false;
  return Math.abs(trip.diff(work, 'days').days) <= 1;
}

// Kilometres with at most one decimal, as whole tenths.
export function kmToTenths(km: number): number {
  return Math.round(km * 10);
}

export function tenthsToKm(tenths: number): number {
  return tenths / 10;
}

// The statuses a claim is sent (or sent again) from.
export const SUBMITTABLE: readonly ClaimStatus[] = [ClaimStatus.Draft, ClaimStatus.Returned];

export function canSubmit(status: ClaimStatus): boolean {
  return SUBMITTABLE.includes(status);
}

// A late cancellation's claim is filed for the expert already submitted (they need not act to be paid); until the
// coordinator decides, they may still add their travel and costs to it. Any other claim is changed only before it
// is sent, or after it was returned.
export function editableStatuses(lateCancellation: boolean): ClaimStatus[] {
  return lateCancellation ? [...SUBMITTABLE, ClaimStatus.Submitted] : [...SUBMITTABLE];
}

export function canEdit(status: ClaimStatus, lateCancellation: boolean): boolean {
  return editableStatuses(lateCancellation).includes(status);
}

// Four eyes for claims: over the settings' amount (null: never), a claim needs two different coordinators.
export function needsTwoApprovals(totalCents: number, fourEyesAboveCents: number | null): boolean {
  return fourEyesAboveCents !== null && totalCents > fourEyesAboveCents;
}

export type ApprovalStep = 'approve' | 'first_approval' | 'same_approver';

// What an approval does: decides the claim, records the first of two approvals, or is refused because the one who
// approved first cannot also approve second.
export function approvalStep(a: {
  totalCents: number;
  fourEyesAboveCents: number | null;
  firstApprovedBy: string | null;
  approver: string;
}): ApprovalStep {
  if (!needsTwoApprovals(a.totalCents, a.fourEyesAboveCents)) return 'approve';
  if (a.firstApprovedBy === null) return 'first_approval';
  return a.firstApprovedBy === a.approver ? 'same_approver' : 'approve';
}
