import { ExpertStatus } from './entities/expert.entity';

export type ExpertAction = 'activate' | 'pause' | 'resume' | 'retire' | 'anonymise';

// Who may move an expert where. Activation also needs a verified credential (checked by the service).
const TRANSITIONS: Record<ExpertAction, { from: ExpertStatus[]; to: ExpertStatus }> = {
  activate: { from: [ExpertStatus.Applicant, ExpertStatus.Retired], to: ExpertStatus.Active },
  pause: { from: [ExpertStatus.Active], to: ExpertStatus.Paused },
  resume: { from: [ExpertStatus.Paused], to: ExpertStatus.Active },
  retire: { from: [ExpertStatus.Applicant, ExpertStatus.Active, ExpertStatus.Paused], to: ExpertStatus.Retired },
  anonymise: {
    from: [ExpertStatus.Applicant, ExpertStatus.Active, ExpertStatus.Paused, ExpertStatus.Retired],
    to: ExpertStatus.Anonymised,
  },
};

export function nextExpertStatus(current: ExpertStatus, action: ExpertAction): ExpertStatus | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(current) ? rule.to : null;
}
