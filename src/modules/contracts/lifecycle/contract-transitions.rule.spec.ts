import { ContractAction, ContractRefusal, refusal, statusOn } from './contract-transitions.rule';
import { ContractStatus, TerminationCause } from '../entities/contract.entity';

describe('contract transitions', () => {
  const table: [ContractAction, ContractStatus, ContractRefusal | null][] = [
    ['approve', ContractStatus.Draft, null],
    ['approve', ContractStatus.Approved, 'already_approved'],
    ['approve', ContractStatus.Signed, 'already_signed'],
    ['approve', ContractStatus.Expired, 'already_signed'],
    ['approve', ContractStatus.Superseded, 'superseded'],
    ['approve', ContractStatus.Terminated, 'terminated'],
    ['sign', ContractStatus.Draft, 'not_approved'],
    ['sign', ContractStatus.Approved, null],
    ['sign', ContractStatus.Signed, 'already_signed'],
    ['sign', ContractStatus.Expired, 'already_signed'],
    ['sign', ContractStatus.Superseded, 'superseded'],
    ['sign', ContractStatus.Terminated, 'terminated'],
    ['revise', ContractStatus.Draft, 'not_signed'],
    ['revise', ContractStatus.Approved, 'not_signed'],
    ['revise', ContractStatus.Signed, null],
    ['revise', ContractStatus.Expired, 'expired'],
    ['revise', ContractStatus.Superseded, 'superseded'],
    ['revise', ContractStatus.Terminated, 'terminated'],
    ['terminate', ContractStatus.Draft, null],
    ['terminate', ContractStatus.Approved, null],
    ['terminate', ContractStatus.Signed, null],
    ['terminate', ContractStatus.Expired, 'expired'],
    ['terminate', ContractStatus.Superseded, 'superseded'],
    ['terminate', ContractStatus.Terminated, 'terminated'],
  ];

  it.each(table)('%s a %s contract: %s', (action, status, expected) => {
    expect(refusal(action, status)).toBe(expected);
  });

  it.each(['approve', 'sign', 'revise', 'terminate'] as const)(
    '%s a contract ended because its work was cancelled: work_cancelled',
    (action) => {
      expect(refusal(action, ContractStatus.Terminated, TerminationCause.WorkCancelled)).toBe('work_cancelled');
      expect(refusal(action, ContractStatus.Terminated, TerminationCause.Coordinator)).toBe('terminated');
    },
  );

  it('covers every action for every status', () => {
    expect(table).toHaveLength(4 * Object.values(ContractStatus).length);
  });
});

describe('statusOn', () => {
  it('reads a signed contract as expired the day after its last day, not on it', () => {
    const c = { status: ContractStatus.Signed, validUntil: '2026-11-03' };
    expect(statusOn(c, '2026-11-03')).toBe(ContractStatus.Signed);
    expect(statusOn(c, '2026-11-04')).toBe(ContractStatus.Expired);
  });

  it('leaves every other state as it is', () => {
    for (const status of Object.values(ContractStatus).filter((s) => s !== ContractStatus.Signed)) {
      expect(statusOn({ status, validUntil: '2020-01-01' }, '2026-11-04')).toBe(status);
    }
  });
});
