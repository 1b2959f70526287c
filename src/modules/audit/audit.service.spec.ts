import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { Language } from '../../common/i18n/language';
import { AuditService, INSERT_AUDIT_SQL } from './audit.service';

const ctx: AuthContext = {
  user: { id: 'u1', email: 'e@x.invalid', name: 'E', role: Role.Coordinator, language: Language.Fi, sessionId: 's1' },
  ip: '10.0.0.1',
  userAgent: 'jest',
  requestId: 'r1',
};

function fakeManager(): EntityManager & { rows: unknown[] } {
  const rows: unknown[] = [];
  return {
    rows,
    // The row as the statement's parameters give it, named as the entity names its columns.
    query: async (sql: string, params: unknown[]) => {
      expect(sql).toBe(INSERT_AUDIT_SQL);
      const [actorId, action, entityType, entityId, ip, userAgent, requestId, details] = params;
      rows.push({
        actorId,
        action,
        entityType,
        entityId,
        ip,
        userAgent,
        requestId,
        details: JSON.parse(details as string) as unknown,
      });
    },
  } as unknown as EntityManager & { rows: unknown[] };
}

describe('AuditService.log', () => {
  const own = fakeManager();
  const audit = new AuditService({ manager: own } as unknown as DataSource);

  it('writes a signed-in caller as their id and where they called from', async () => {
    const manager = fakeManager();
    await audit.log(ctx, 'claim.approved', ['claim', 'c1'], { expertId: 'e1' }, manager);
    expect(manager.rows).toEqual([
      {
        actorId: 'u1',
        action: 'claim.approved',
        entityType: 'claim',
        entityId: 'c1',
        ip: '10.0.0.1',
        userAgent: 'jest',
        requestId: 'r1',
        details: { expertId: 'e1' },
      },
    ]);
  });

  it('writes the system (null) with no request, and empty details by default, on its own connection', async () => {
    await audit.log(null, 'contract.expired', ['contract', 'k1']);
    expect(own.rows.pop()).toEqual({
      actorId: null,
      action: 'contract.expired',
      entityType: 'contract',
      entityId: 'k1',
      ip: null,
      userAgent: null,
      requestId: null,
      details: {},
    });
  });

  it('writes someone known by id and request alone, with no row, or a row type without an id', async () => {
    const manager = fakeManager();
    await audit.log(
      { actorId: null, meta: { ip: '10.0.0.2', userAgent: 'ua', requestId: 'r2' } },
      'auth.csrf_refused',
      null,
      { route: '/x' },
      manager,
    );
    await audit.log({ actorId: 'u2' }, 'fee_settings.updated', ['fee_settings'], {}, manager);
    await audit.log(ctx, 'travel_rate.set', ['travel_rate', undefined], {}, manager);
    expect(manager.rows).toEqual([
      {
        actorId: null,
        action: 'auth.csrf_refused',
        entityType: null,
        entityId: null,
        ip: '10.0.0.2',
        userAgent: 'ua',
        requestId: 'r2',
        details: { route: '/x' },
      },
      {
        actorId: 'u2',
        action: 'fee_settings.updated',
        entityType: 'fee_settings',
        entityId: null,
        ip: null,
        userAgent: null,
        requestId: null,
        details: {},
      },
      {
        actorId: 'u1',
        action: 'travel_rate.set',
        entityType: 'travel_rate',
        entityId: null,
        ip: '10.0.0.1',
        userAgent: 'jest',
        requestId: 'r1',
        details: {},
      },
    ]);
  });

  it('writes a refusal as authz.denied, outside any transaction', async () => {
    await audit.denied(ctx, ['assignment', 'a1']);
    expect(own.rows.pop()).toEqual({
      actorId: 'u1',
      action: 'authz.denied',
      entityType: 'assignment',
      entityId: 'a1',
      ip: '10.0.0.1',
      userAgent: 'jest',
      requestId: 'r1',
      details: {},
    });
  });

  it('writes several events in one statement, numbered row by row, and nothing for none', async () => {
    const calls: { sql: string; params: unknown[] }[] = [];
    const manager = {
      query: async (sql: string, params: unknown[]) => void calls.push({ sql, params }),
    } as unknown as EntityManager;
    await audit.logAll(manager, []);
    await audit.logAll(manager, [
      { by: null, action: 'offer.withdrawn', target: ['offer', 'o2'], details: { reason: 'request_filled' } },
      { by: ctx, action: 'offer.accepted', target: ['offer', 'o1'] },
    ]);
    expect(calls).toEqual([
      {
        sql: `${INSERT_AUDIT_SQL}, ($9, $10, $11, $12, $13, $14, $15, $16)`,
        params: [
          ...[null, 'offer.withdrawn', 'offer', 'o2', null, null, null, '{"reason":"request_filled"}'],
          ...['u1', 'offer.accepted', 'offer', 'o1', '10.0.0.1', 'jest', 'r1', '{}'],
        ],
      },
    ]);
  });
});
