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

export enum RoleChangeRefusal {
  // The caller may not manage the account's present role or may not grant the new one.
  NotGrantable = 'notGrantable',
  // Nobody changes their own role: an admin cannot lock themselves out, a coordinator cannot promote themselves.
  Self = 'self',
  // The county always keeps one admin who can sign in.
  LastAdmin = 'lastAdmin',
  // An expert's certificates, offers, assignments, contracts, claims and fees stay theirs: the role stays too.
  ExpertHasRecords = 'expertHasRecords',
  // Memberships give the right to order for a unit; they are removed knowingly on the units screen, not as a side effect.
  OrdererHasMemberships = 'ordererHasMemberships',
}

export interface RoleChange {
  actor: { id: string; role: Role };
  target: { id: string; role: Role; active: boolean };
  to: Role;
  // Admins other than the target whose accounts are active.
  otherActiveAdmins: number;
  expertHasRecords: boolean;
  memberships: number;
}

// A role is corrected, not reused: PRODUCT.md gives a person who works in two roles two accounts. So a role changes
// only while nothing the old role did or owns would be left under the new one.
export function roleChangeRefusal(change: RoleChange): RoleChangeRefusal | null {
  const { actor, target, to } = change;
  if (!canManageRole(actor.role, target.role) || !canManageRole(actor.role, to)) return RoleChangeRefusal.NotGrantable;
  if (actor.id === target.id) return RoleChangeRefusal.Self;
  if (target.role === to) return null;
  if (target.role === Role.Admin && target.active && change.otherActiveAdmins === 0) return RoleChangeRefusal.LastAdmin;
  if (target.role === Role.Expert && change.expertHasRecords) return RoleChangeRefusal.ExpertHasRecords;
  if (target.role === Role.Orderer && change.memberships > 0) return RoleChangeRefusal.OrdererHasMemberships;
  return null;
}

// Disabling the last active admin would leave the county without one (two admins disabling each other at once).
export function isLastActiveAdmin(target: { role: Role; active: boolean }, otherActiveAdmins: number): boolean {
  return target.role === Role.Admin && target.active && otherActiveAdmins === 0;
}
