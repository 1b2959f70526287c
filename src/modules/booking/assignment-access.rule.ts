import { AccessRequest } from '../../common/auth/access';
import { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/role.enum';
import { OrganisationsRepository } from '../organisations';
import { BookingErrors } from './booking.errors';

type Assignment = { expertId: string; request: { organisationId: string } };

// Who may see an assignment (PRODUCT §1): the coordinator every one, an expert their own, an orderer those of their
// units and projects; the admin none. Booking and contracts (the orderer's view of its contract) decide by this.
export function assignmentAccess<T extends Assignment>(
  ctx: AuthContext,
  id: string,
  find: () => Promise<T | null>,
  organisations: OrganisationsRepository,
): AccessRequest<T> {
  return {
    entityType: 'assignment',
    id,
    find,
    allows: async (assignment) =>
      ctx.user.role === Role.Coordinator ||
      (ctx.user.role === Role.Expert && assignment.expertId === ctx.user.id) ||
      (ctx.user.role === Role.Orderer &&
        (await organisations.isMember(assignment.request.organisationId, ctx.user.id))),
    notFound: BookingErrors.assignmentNotFound,
  };
}
