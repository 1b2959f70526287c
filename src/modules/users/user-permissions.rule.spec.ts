import { Role } from '../../common/auth/role.enum';
import { canManageRole } from './user-permissions.rule';

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
