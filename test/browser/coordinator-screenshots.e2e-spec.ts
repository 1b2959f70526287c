import { Language } from '../../src/common/i18n/language';
import { Role } from '../../src/common/auth/role.enum';
import { RequestStatus } from '../../src/modules/booking/entities/booking-request.entity';
import { createOffer, createRequest } from '../factories/booking.factory';
import { createBookableExpert } from '../factories/bookable.factory';
import { createCredential } from '../factories/credentials.factory';
import { createExpert } from '../factories/experts.factory';
import { createClaim, createFinishedAssignment } from '../factories/fees.factory';
import { addMember, createUnit } from '../factories/organisations.factory';
import { createUser } from '../factories/users.factory';
import { expectPage, signIn, WebApp } from './browser';
import { describeScreenshots } from './screenshot-specs';
import { signInLabels } from './texts';

// Not a test: with SCREENSHOT_DIR set, a picture of each of the coordinator's pages at 1280 and 360 px in Finnish
// and Swedish (SCREENSHOT_DIR=/tmp/shots npx jest test/browser/coordinator-screenshots).
const HOUR = 3_600_000;

// An applicant with a certificate, an order waiting for 50 hours with an offer out, three bookable experts and a
// submitted claim: the expert's, the order's and the claim's pages.
async function setUp(web: WebApp): Promise<Record<'expert' | 'order' | 'claim', string>> {
  const ids = {} as Record<'expert' | 'order' | 'claim', string>;
  const db = web.t.db;
  const coordinator = await createUser(db, Role.Coordinator);
  const orderer = await createUser(db, Role.Orderer);
  const unitId = (await createUnit(db)).id;
  await addMember(db, unitId, orderer.id);
  const expert = await createExpert(db, { name: 'Aino Applikant', status: 'applicant' as never });
  ids.expert = expert.id;
  await createCredential(db, expert.id);
  const soon = new Date(Date.now() + 10 * 24 * HOUR);
  const order = await createRequest(db, unitId, orderer.id, {
    title: 'Asiakasraadin kokous',
    status: RequestStatus.Submitted,
    startsAt: soon.toISOString(),
    endsAt: new Date(soon.getTime() + 2 * HOUR).toISOString(),
  });
  ids.order = order.id;
  await db.query(`UPDATE booking_requests SET submitted_at = now() - interval '50 hours' WHERE id = $1`, [order.id]);
  await createOffer(db, order, (await createExpert(db, { name: 'Bertil Berg' })).id, coordinator.id, {
    deadline: new Date(Date.now() + 5 * HOUR).toISOString(),
  });
  for (const name of ['Doris Dahl', 'Eero Esimerkki', 'Fanny Fors'])
    await createBookableExpert(db, { name, topics: ['mental_health'] });
  const worker = await createExpert(db, { name: 'Cecilia Claim' });
  const work = await createFinishedAssignment(db, worker.id, {
    organisationId: unitId,
    createdBy: orderer.id,
    title: 'Kehittäjäryhmä',
  });
  ids.claim = await createClaim(db, worker.id, work, { status: 'submitted', kmTenths: 245 });
  return ids;
}

describeScreenshots(
  'screenshots of the coordinator’s pages',
  { timeout: 120_000, setUp },
  async ({ web, language, text, made: ids, picture }) => {
    const c = text.coordinator;
    for (const width of [1280, 360]) {
      const page = await web.newPage(language, width);
      const user = await createUser(web.t.db, Role.Coordinator, {
        name: 'Kaisa Koordinaattori',
        language: language as Language,
      });
      await signIn(page, user, signInLabels(text));
      await expectPage(page, c.today.title);
      const pages: [string, string, string][] = [
        ['today', '/', c.today.title],
        ['experts', '/coordinator/experts', c.experts.title],
        ['expert', `/coordinator/experts/${ids.expert}`, 'Aino Applikant'],
        ['matching', `/coordinator/orders/${ids.order}`, c.matching.title.replace('{{title}}', 'Asiakasraadin kokous')],
        ['contracts', '/coordinator/contracts', c.contracts.title],
        ['claims', '/coordinator/claims', c.claims.title],
        [
          'claim',
          `/coordinator/claims/${ids.claim}`,
          c.claims.claimTitle.replace('{{title}}', 'Kehittäjäryhmä').replace('{{name}}', 'Cecilia Claim'),
        ],
      ];
      for (const [name, path, title] of pages) {
        await page.goto(path);
        await expectPage(page, title).catch(async (e) => {
          await picture(page, `failed-${name}`, width);
          throw e;
        });
        await picture(page, `coordinator-${name}`, width);
      }
    }
  },
);
