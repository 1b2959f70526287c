import { Role } from '../../../src/common/auth/role.enum';
import { settleOpenFeeRuns } from '../../factories/fees.factory';
import { createUser, login } from '../../factories/users.factory';
import { walkTheJourney } from '../../journey/journey-steps';
import { createTestApp, TestApp } from '../../utils/test-app';

// The journey (test/journey/journey-steps.ts) on the real PostgreSQL and Redis, the app in this process with
// its fake clock and captured mail. test/processes/embedded.ts walks the same steps on the embedded mode.
describe('the journey from an order to a paid fee', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // Housekeeping only: runs left open by other spec files would block this one's fee run.
    await settleOpenFeeRuns(t.db);
  });
  afterAll(() => t.close());

  it('walks every step and pays the claim exactly once', async () => {
    await walkTheJourney({
      http: t.http,
      // The first admin comes from the CLI; everyone else through the API.
      adminToken: async () => login(t.http, await createUser(t.db, Role.Admin)),
      setClock: async (at) => (at === null ? t.clock.reset() : t.clock.set(at)),
      readMail: (to, match) => t.mail.waitFor((m) => m.to === to && match(m)),
    });
  }, 90_000);
});
