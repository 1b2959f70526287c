import { AssignmentStatus } from '../entities/assignment.entity';

// Only booked work not yet begun can be moved.
export function canMove(status: AssignmentStatus, startsAt: Date, now: Date): boolean {
  return [AssignmentStatus.Accepted, AssignmentStatus.Confirmed].includes(status) && startsAt > now;
}

// An open proposal left unanswered until the work began, or until the start it proposed, can no longer take effect:
// the work keeps its time, and the proposal is answered by nobody.
export function hasLapsed(proposal: { startsAt: Date }, workStartsAt: Date, now: Date): boolean {
  return workStartsAt <= now || proposal.startsAt <= now;
}
