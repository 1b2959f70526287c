import { AssignmentStatus } from '../../booking/entities/assignment.entity';
import { ContractStatus, TerminationCause } from '../entities/contract.entity';

export type ContractAction = 'approve' | 'sign' | 'revise' | 'terminate';

// Why a contract in this state cannot take this action; null when it can. Each reason has its own error code.
export type ContractRefusal =
  | 'already_approved'
  | 'already_signed'
  | 'not_approved'
  | 'not_signed'
  | 'superseded'
  | 'terminated'
  | 'work_cancelled'
  | 'expired';

const ALLOWED: Record<ContractAction, ContractStatus[]> = {
  approve: [ContractStatus.Draft],
  sign: [ContractStatus.Approved],
  // A change to a signed contract is a new version; drafts are replaced, not revised.
  revise: [ContractStatus.Signed],
  terminate: [ContractStatus.Draft, ContractStatus.Approved, ContractStatus.Signed],
};

// The state as of today (a Helsinki date): a signed contract whose last day has passed is expired at once, not
// only once the sweep has written it (the sweep still does, with its audit row).
export function statusOn(contract: { status: ContractStatus; validUntil: string }, today: string): ContractStatus {
  return contract.status === ContractStatus.Signed && contract.validUntil < today
    ? ContractStatus.Expired
    : contract.status;
}

// A contract ended because its work was cancelled says so, whatever is asked of it.
export function refusal(
  action: ContractAction,
  status: ContractStatus,
  cause: TerminationCause | null = null,
): ContractRefusal | null {
  if (ALLOWED[action].includes(status)) return null;
  switch (status) {
    case ContractStatus.Superseded:
      return 'superseded';
    case ContractStatus.Terminated:
      return cause === TerminationCause.WorkCancelled ? 'work_cancelled' : 'terminated';
    case ContractStatus.Expired:
      return action === 'approve' || action === 'sign' ? 'already_signed' : 'expired';
    case ContractStatus.Signed:
      return 'already_signed';
    case ContractStatus.Approved:
      return action === 'approve' ? 'already_approved' : 'not_signed';
    case ContractStatus.Draft:
      return action === 'sign' ? 'not_approved' : 'not_signed';
  }
}

// Assignments that hold the expert's time; only these can be put under a contract.
export const OPEN_ASSIGNMENT_STATUSES = [AssignmentStatus.Accepted, AssignmentStatus.Confirmed];
