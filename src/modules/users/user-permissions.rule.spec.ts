import { Role } from '../../common/auth/role.enum';
import {
  canManageRole,
  isLastActiveAdmin,
  RoleChange,
  roleChangeRefusal,
  RoleChangeRefusal,
} from './user-permissions.rule';

describe('canManageRole', () => {
  it('lets an admin manage every role, a coordinator orderers and experts only', () => {
    for (const target of Object.values(Role)) expect(canManageRole(Role.Admin, target)).toBe(true);
    expect(canManageRole(Role.Coordinator, Role.Orderer)).toBe(true);
    expect(canManageRole(Role.Coordinator, Role.Expert)).toBe(true);
    expect(canManageRole(Role.Coordinator, Role.Coordinator)).toBe(false);
    expect(canManageRole(Role.Coordinator, Role.Admin)).toBe(false);
  });

  it('lets orderers and experts manage no one', () => {
    for (const actor of [Role.Orderer, Role.Expert]) {
      for (const target of Object.values(Role)) expect(canManageRole(actor, target)).toBe(false);
    }
  });
});

describe('roleChangeRefusal', () => {
  const admin = { id: 'a', role: Role.Admin };
  const change = (overrides: Partial<RoleChange> = {}): RoleChange => ({
    actor: admin,
    target: { id: 't', role: Role.Orderer, active: true },
    to: Role.Coordinator,
    otherActiveAdmins: 1,
    expertHasRecords: false,
    memberships: 0,
    ...overrides,
  });

  it('lets an admin correct the role of an account with nothing tied to its old role', () => {
    expect(roleChangeRefusal(change())).toBeNull();
    expect(
      roleChangeRefusal(change({ target: { id: 't', role: Role.Expert, active: true }, to: Role.Orderer })),
    ).toBeNull();
  });

  it('refuses a role the caller may not grant or an account the caller may not manage', () => {
    const coordinator = { id: 'c', role: Role.Coordinator };
    expect(roleChangeRefusal(change({ actor: coordinator, to: Role.Admin }))).toBe(RoleChangeRefusal.NotGrantable);
    expect(
      roleChangeRefusal(
        change({ actor: coordinator, target: { id: 't', role: Role.Admin, active: true }, to: Role.Expert }),
      ),
    ).toBe(RoleChangeRefusal.NotGrantable);
    expect(roleChangeRefusal(change({ actor: coordinator, to: Role.Expert }))).toBeNull();
  });

  it('refuses a change of one’s own role', () => {
    expect(roleChangeRefusal(change({ target: { id: 'a', role: Role.Admin, active: true } }))).toBe(
      RoleChangeRefusal.Self,
    );
  });

  it('keeps the last active admin an admin, but lets a disabled or invited one go', () => {
    const target = { id: 't', role: Role.Admin, active: true };
    expect(roleChangeRefusal(change({ target, otherActiveAdmins: 0 }))).toBe(RoleChangeRefusal.LastAdmin);
    expect(roleChangeRefusal(change({ target, otherActiveAdmins: 1 }))).toBeNull();
    expect(roleChangeRefusal(change({ target: { ...target, active: false }, otherActiveAdmins: 0 }))).toBeNull();
  });

  it('keeps an expert with records an expert and an orderer with memberships an orderer', () => {
    const expert = { id: 't', role: Role.Expert, active: true };
    expect(roleChangeRefusal(change({ target: expert, to: Role.Orderer, expertHasRecords: true }))).toBe(
      RoleChangeRefusal.ExpertHasRecords,
    );
    expect(roleChangeRefusal(change({ memberships: 2 }))).toBe(RoleChangeRefusal.OrdererHasMemberships);
  });

  it('answers an unchanged role as allowed, whatever is tied to it', () => {
    expect(roleChangeRefusal(change({ to: Role.Orderer, memberships: 3 }))).toBeNull();
  });
});

describe('isLastActiveAdmin', () => {
  it('is the active admin with no other active admin beside', () => {
    expect(isLastActiveAdmin({ role: Role.Admin, active: true }, 0)).toBe(true);
    expect(isLastActiveAdmin({ role: Role.Admin, active: true }, 1)).toBe(false);
    expect(isLastActiveAdmin({ role: Role.Coordinator, active: true }, 0)).toBe(false);
  });
});
