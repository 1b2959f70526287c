import { Role } from '../../common/auth/role.enum';

// Admins manage every account; coordinators manage the people they work with, never staff of their own rank.
const MANAGEABLE: Record<Role, Role[]> = {
  [Role.Admin]: [Role.Admin, Role.Coordinator, Role.Orderer, Role.Expert],
  [Role.Coordinator]: [Role.Orderer, Role.Expert],
  [Role.Orderer]: [],
  [Role.Expert]: [],
};

export function canManageRole(actor: Role, target: Role): boolean {
  return MANAGEABLE[actor].includes(target);
}
