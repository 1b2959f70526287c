import { AssignmentStatus } from '../entities/assignment.entity';

export interface DeclinedChange {
  proposedAt: Date;
  // The assignment's start when the change was proposed.
  fromStartsAt: Date;
}

// Only booked work not yet begun can be moved.
export function canMove(status: AssignmentStatus, startsAt: Date, now: Date): boolean {
  return [AssignmentStatus.Accepted, AssignmentStatus.Confirmed].includes(status) && startsAt > now;
}

// The moment the late-cancellation clock reads a cancellation at. When the county proposed another time and the
// expert declined it, the county had said the time did not suit it when it proposed the change: a cancellation
// after the decline counts from then (the earliest such proposal). Only changes proposed against the time the
// work still has count; one proposed before an accepted change was about a time the work no longer has.
export function lateCancellationMoment(now: Date, startsAt: Date, declined: readonly DeclinedChange[]): Date {
  const against = declined
    .filter((d) => d.fromStartsAt.getTime() === startsAt.getTime() && d.proposedAt < now)
    .map((d) => d.proposedAt.getTime());
  return against.length === 0 ? now : new Date(Math.min(...against));
}
