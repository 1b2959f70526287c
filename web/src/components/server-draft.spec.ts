import { changedPart, editsOf } from './server-draft';

const server = { days: '30', fourEyes: false, languages: ['fi', 'sv'], above: '500' };

describe('a form over what the server says', () => {
  it('counts as changed only the fields that differ from the server', () => {
    expect(editsOf(server, { ...server })).toEqual({});
    expect(editsOf(server, { ...server, days: '45', languages: ['fi', 'sv'] })).toEqual({ days: '45' });
    expect(editsOf(server, { ...server, languages: ['fi'] })).toEqual({ languages: ['fi'] });
    expect(editsOf(server, { ...server, languages: ['sv', 'fi'] })).toEqual({ languages: ['sv', 'fi'] });
    expect(editsOf(server, { ...server, fourEyes: true })).toEqual({ fourEyes: true });
  });

  it('a field changed and changed back follows the server again', () => {
    const edits = editsOf(server, { ...server, days: '45' });
    expect(editsOf(server, { ...server, ...edits, days: '30' })).toEqual({});
  });

  it('sends only the body fields whose form fields were changed', () => {
    const body = { claimTimeLimitDays: 45, fourEyesApproval: false, claimFourEyesAboveCents: 50000 };
    const sources = {
      claimTimeLimitDays: ['days' as const],
      fourEyesApproval: ['fourEyes' as const],
      claimFourEyesAboveCents: ['fourEyes' as const, 'above' as const],
    };
    expect(changedPart(body, { days: '45' }, sources)).toEqual({ claimTimeLimitDays: 45 });
    expect(changedPart(body, { above: '600' }, sources)).toEqual({ claimFourEyesAboveCents: 50000 });
    expect(changedPart(body, { fourEyes: true }, sources)).toEqual({
      fourEyesApproval: false,
      claimFourEyesAboveCents: 50000,
    });
    expect(changedPart(body, {}, sources)).toEqual({});
  });

  it('a body field without sources comes from the form field of its own name', () => {
    expect(changedPart({ days: 45, fourEyes: true }, { days: '45' })).toEqual({ days: 45 });
    // A field set to null or false is a change to send, not a field left out.
    expect(changedPart({ days: null, fourEyes: false }, { days: '', fourEyes: false })).toEqual({
      days: null,
      fourEyes: false,
    });
  });
});
