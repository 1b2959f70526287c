import { DomainError } from '../errors/domain-error';
import { Language } from '../i18n/language';
import { AuthContext } from './auth-context';
import { DeniedAudit, requireAccess } from './access';
import { Role } from './role.enum';

const ctx: AuthContext = {
  user: { id: 'u1', email: 'e@x.invalid', name: 'E', role: Role.Expert, language: Language.Fi, sessionId: 's1' },
  ip: '127.0.0.1',
  userAgent: 'jest',
  requestId: 'r1',
};

interface Row {
  ownerId: string;
}

function recorder(): DeniedAudit & { rows: unknown[][] } {
  const rows: unknown[][] = [];
  return { rows, denied: async (c, target) => void rows.push([c.user.id, ...target]) };
}

const notFound = () => new DomainError('THING_NOT_FOUND', 'not_found', 'Thing not found');
const refused = () => new DomainError('THING_REFUSED', 'forbidden', 'Not yours');

describe('requireAccess', () => {
  it('returns the row the caller may act on, and writes nothing to the audit log', async () => {
    const audit = recorder();
    const row = await requireAccess(audit, ctx, {
      entityType: 'thing',
      id: 't1',
      find: async () => ({ ownerId: 'u1' }),
      allows: (r: Row) => r.ownerId === ctx.user.id,
      notFound,
    });
    expect(row).toEqual({ ownerId: 'u1' });
    expect(audit.rows).toEqual([]);
  });

  it('answers a missing row with notFound, and audits nothing (there was nothing to refuse)', async () => {
    const audit = recorder();
    const allows = jest.fn(() => true);
    await expect(
      requireAccess(audit, ctx, { entityType: 'thing', id: 't1', find: async () => null, allows, notFound }),
    ).rejects.toMatchObject({ code: 'THING_NOT_FOUND' });
    expect(allows).not.toHaveBeenCalled();
    expect(audit.rows).toEqual([]);
  });

  it("answers another's row as if it did not exist, and writes one authz.denied row naming it", async () => {
    const audit = recorder();
    const request = {
      entityType: 'thing',
      id: 't2',
      find: async () => ({ ownerId: 'u2' }),
      allows: async (r: Row) => r.ownerId === ctx.user.id,
      notFound,
    };
    await expect(requireAccess(audit, ctx, request)).rejects.toMatchObject({
      code: 'THING_NOT_FOUND',
      kind: 'not_found',
    });
    expect(audit.rows).toEqual([['u1', 'thing', 't2']]);
  });

  it('tells a refused caller what `refused` says, when the request has one', async () => {
    const audit = recorder();
    const request = {
      entityType: 'thing',
      id: 't2',
      find: async () => ({ ownerId: 'u2' }),
      allows: () => false,
      notFound,
      refused,
    };
    await expect(requireAccess(audit, ctx, request)).rejects.toMatchObject({
      code: 'THING_REFUSED',
      kind: 'forbidden',
    });
    expect(audit.rows).toEqual([['u1', 'thing', 't2']]);
  });

  it('throws the refusal only after the audit row is written', async () => {
    const order: string[] = [];
    const audit: DeniedAudit = { denied: async () => void order.push('audited') };
    await requireAccess(audit, ctx, {
      entityType: 'thing',
      id: 't2',
      find: async () => ({ ownerId: 'u2' }),
      allows: () => false,
      notFound,
    }).catch(() => order.push('thrown'));
    expect(order).toEqual(['audited', 'thrown']);
  });
});
