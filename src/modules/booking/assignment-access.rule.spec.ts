import { DeniedAudit, requireAccess } from '../../common/auth/access';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { DomainError } from '../../common/errors/domain-error';
import { Language } from '../../common/i18n/language';
import { OrganisationsRepository } from '../organisations';
import { assignmentAccess } from './assignment-access.rule';
import { BookingErrorCode } from './booking.errors';

const ctx = (role: Role, id = 'user-1'): AuthContext => ({
  user: { id, email: 'u@x.invalid', name: 'U', role, language: Language.Fi, sessionId: 's1' },
  ip: '127.0.0.1',
  userAgent: 'jest',
  requestId: 'r1',
});

const assignment = { id: 'a1', expertId: 'expert-1', request: { organisationId: 'org-1' } };

// The memberships the rule may ask about: (organisation, user) pairs; every question is recorded.
function organisations(members: [organisationId: string, userId: string][] = []) {
  const asked: [string, string][] = [];
  const repository = {
    isMember: async (organisationId: string, userId: string) => {
      asked.push([organisationId, userId]);
      return members.some(([o, u]) => o === organisationId && u === userId);
    },
  } as unknown as OrganisationsRepository;
  return { asked, repository };
}

const allows = (context: AuthContext, orgs = organisations()) =>
  assignmentAccess(context, assignment.id, async () => assignment, orgs.repository).allows(assignment);

describe('assignmentAccess', () => {
  it('describes the assignment to requireAccess: its type and id in the audit log, the given finder', async () => {
    const find = async () => assignment;
    const request = assignmentAccess(ctx(Role.Coordinator), 'a1', find, organisations().repository);
    expect(request.entityType).toBe('assignment');
    expect(request.id).toBe('a1');
    expect(request.find).toBe(find);
    expect(request.refused).toBeUndefined();
    const error = request.notFound();
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(BookingErrorCode.AssignmentNotFound);
  });

  it('lets the coordinator see every assignment, without asking about memberships', async () => {
    const orgs = organisations();
    await expect(allows(ctx(Role.Coordinator, 'coordinator-1'), orgs)).resolves.toBe(true);
    expect(orgs.asked).toEqual([]);
  });

  it('lets an expert see their own assignment and no other', async () => {
    await expect(allows(ctx(Role.Expert, 'expert-1'))).resolves.toBe(true);
    await expect(allows(ctx(Role.Expert, 'expert-2'))).resolves.toBe(false);
  });

  it('lets an orderer see the assignments of a unit they belong to, and no other', async () => {
    const member = organisations([['org-1', 'orderer-1']]);
    await expect(allows(ctx(Role.Orderer, 'orderer-1'), member)).resolves.toBe(true);
    expect(member.asked).toEqual([['org-1', 'orderer-1']]);

    const elsewhere = organisations([['org-2', 'orderer-1']]);
    await expect(allows(ctx(Role.Orderer, 'orderer-1'), elsewhere)).resolves.toBe(false);
  });

  it('does not let an orderer see an assignment because its expert has their id', async () => {
    await expect(allows(ctx(Role.Orderer, 'expert-1'))).resolves.toBe(false);
  });

  it('lets the admin see none, even as a member of the unit', async () => {
    const member = organisations([['org-1', 'admin-1']]);
    await expect(allows(ctx(Role.Admin, 'admin-1'), member)).resolves.toBe(false);
    expect(member.asked).toEqual([]);
  });

  it('through requireAccess: a refused caller is told the assignment does not exist, and the refusal is audited', async () => {
    const denied: unknown[][] = [];
    const audit: DeniedAudit = { denied: async (c, target) => void denied.push([c.user.id, ...target]) };
    const request = assignmentAccess(
      ctx(Role.Expert, 'expert-2'),
      'a1',
      async () => assignment,
      organisations().repository,
    );
    await expect(requireAccess(audit, ctx(Role.Expert, 'expert-2'), request)).rejects.toMatchObject({
      code: BookingErrorCode.AssignmentNotFound,
    });
    expect(denied).toEqual([['expert-2', 'assignment', 'a1']]);

    const missing = assignmentAccess(ctx(Role.Coordinator), 'a2', async () => null, organisations().repository);
    await expect(requireAccess(audit, ctx(Role.Coordinator), missing)).rejects.toMatchObject({
      code: BookingErrorCode.AssignmentNotFound,
    });
    expect(denied).toHaveLength(1);
  });
});
