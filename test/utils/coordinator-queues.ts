import { OrganisationEntity } from '../../src/modules/organisations/entities/organisation.entity';
import { coordinatorAndOrdererOfUnit } from '../factories/organisations.factory';
import { TestUser } from '../factories/users.factory';
import { createTestApp, TestApp } from './test-app';

// The app with its clock standing still at `now`, and the people of the coordinator's queues in it: a coordinator
// signed in through the API and an orderer of `unit`. Sessions follow the app's clock: signed in at `now`.
export async function coordinatorQueuesAt(
  now: string,
  unit: Partial<OrganisationEntity> = {},
): Promise<{ t: TestApp; coordinator: TestUser & { token: string }; orderer: TestUser; unitId: string }> {
  const t = await createTestApp();
  t.clock.set(now);
  return { t, ...(await coordinatorAndOrdererOfUnit(t.db, t.http, unit)) };
}
