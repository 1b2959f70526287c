import { inactivityStep, lastActiveBefore } from './inactivity-policy.rule';

const policy = { inactiveMonths: 24, noticeDays: 30 };
const lastActiveAt = new Date('2024-03-10T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('inactivityStep', () => {
  it('does nothing before the notice is due', () => {
    expect(inactivityStep({ lastActiveAt, noticeAt: null }, at('2026-02-07T10:00:00Z'), policy)).toBeNull();
  });

  it('mails the notice 30 days before the period ends, naming the end as the day of anonymisation', () => {
    expect(inactivityStep({ lastActiveAt, noticeAt: null }, at('2026-02-08T10:00:00Z'), policy)).toEqual({
      action: 'notice',
      anonymiseOn: at('2026-03-10T10:00:00Z'),
    });
  });

  it('gives a full notice when the period is long over (a first run on old data)', () => {
    expect(inactivityStep({ lastActiveAt, noticeAt: null }, at('2027-01-01T10:00:00Z'), policy)).toEqual({
      action: 'notice',
      anonymiseOn: at('2027-01-31T10:00:00Z'),
    });
  });

  it('anonymises once both the period and the notice are over, not before', () => {
    const noticeAt = at('2026-02-20T10:00:00Z');
    expect(inactivityStep({ lastActiveAt, noticeAt }, at('2026-03-15T10:00:00Z'), policy)).toBeNull();
    expect(inactivityStep({ lastActiveAt, noticeAt }, at('2026-03-22T10:00:00Z'), policy)).toEqual({
      action: 'anonymise',
    });
  });

  it('forgets a notice when the expert was active after it', () => {
    const facts = { lastActiveAt: at('2026-03-01T10:00:00Z'), noticeAt: at('2026-02-20T10:00:00Z') };
    expect(inactivityStep(facts, at('2026-04-01T10:00:00Z'), policy)).toBeNull();
    expect(inactivityStep(facts, at('2028-01-31T10:00:00Z'), policy)).toEqual({
      action: 'notice',
      anonymiseOn: at('2028-03-01T10:00:00Z'),
    });
  });

  it('anonymises at the end of the period without a notice when noticeDays is 0', () => {
    const noNotice = { inactiveMonths: 24, noticeDays: 0 };
    expect(inactivityStep({ lastActiveAt, noticeAt: null }, at('2026-03-10T09:59:00Z'), noNotice)).toBeNull();
    expect(inactivityStep({ lastActiveAt, noticeAt: null }, at('2026-03-10T10:00:00Z'), noNotice)).toEqual({
      action: 'anonymise',
    });
  });

  it('narrows the candidates to no fewer than the step acts on', () => {
    const now = at('2026-02-09T10:00:00Z');
    expect(lastActiveBefore(now, policy).getTime()).toBeGreaterThan(lastActiveAt.getTime());
  });
});
