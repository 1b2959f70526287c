import { ExpertStatus } from './entities/expert.entity';
import { ExpertAction, nextExpertStatus } from './expert-transitions.rule';

describe('nextExpertStatus', () => {
  it.each<[ExpertStatus, ExpertAction, ExpertStatus | null]>([
    [ExpertStatus.Applicant, 'activate', ExpertStatus.Active],
    [ExpertStatus.Active, 'activate', null],
    [ExpertStatus.Active, 'pause', ExpertStatus.Paused],
    [ExpertStatus.Applicant, 'pause', null],
    [ExpertStatus.Paused, 'resume', ExpertStatus.Active],
    [ExpertStatus.Active, 'resume', null],
    [ExpertStatus.Paused, 'retire', ExpertStatus.Retired],
    [ExpertStatus.Retired, 'activate', ExpertStatus.Active],
    [ExpertStatus.Retired, 'anonymise', ExpertStatus.Anonymised],
    [ExpertStatus.Anonymised, 'activate', null],
    [ExpertStatus.Anonymised, 'anonymise', null],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextExpertStatus(from, action)).toBe(to);
  });
});
