import { AssignmentStatus } from '../entities/assignment.entity';

// Only booked work not yet begun can be moved.
export function canMove(status: AssignmentStatus, startsAt: Date, now: Date): boolean {
  return [AssignmentStatus.Accepted, AssignmentStatus.Confirmed].includes(status) && startsAt > now;
}
