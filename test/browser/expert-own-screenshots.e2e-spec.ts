import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { createCredential } from '../factories/credentials.factory';
import { addAbsence, addOneOffWindow, addWeeklyWindow } from '../factories/availability.factory';
import { createExpert } from '../factories/experts.factory';
import { login } from '../factories/users.factory';
import { expectPage, signIn } from './browser';
import { viaMenu } from './menu';
import { signedIn } from './parties';
import { describeScreenshots } from './screenshot-specs';
import { helsinkiDateIn, signInLabels } from './texts';

// Not a test: with SCREENSHOT_DIR set, pictures of the expert's own screens at 1280 and 360 px in Finnish and
// Swedish (SCREENSHOT_DIR=/tmp/shots npx jest test/browser/expert-own-screenshots).
describeScreenshots(
  'screenshots of the expert’s own screens',
  { timeout: 180_000 },
  async ({ web, language, text, picture }) => {
    const expert = await createExpert(web.t.db, {
      name: 'Sanna Selkämeri',
      language: language as Language,
      travelMunicipalities: ['905', '499'],
      languages: ['fi', 'sv'],
    });
    await addWeeklyWindow(web.t.db, expert.id, {
      weekday: 2,
      from: '09:00',
      to: '12:00',
      validFrom: helsinkiDateIn(-30),
    });
    await addWeeklyWindow(web.t.db, expert.id, {
      weekday: 4,
      from: '12:00',
      to: '16:00',
      validFrom: helsinkiDateIn(-30),
    });
    await addOneOffWindow(web.t.db, expert.id, { date: helsinkiDateIn(2), from: '17:00', to: '19:00' });
    await addAbsence(web.t.db, expert.id, { firstDay: helsinkiDateIn(4), lastDay: helsinkiDateIn(5) });
    const coordinator = await signedIn(web.t, Role.Coordinator);
    await createCredential(web.t.db, expert.id);
    const rejected = await createCredential(web.t.db, expert.id, { provider: 'Kansalaisopisto' });
    await web.t.http
      .post(`/credentials/${rejected.id}/reject`)
      .set('authorization', `Bearer ${coordinator}`)
      .send({ reason: 'Todistuksesta puuttuu allekirjoitus.' })
      .expect(200);
    const token = await login(web.t.http, expert);
    await web.t.http
      .put('/experts/me/payment-details')
      .set('authorization', `Bearer ${token}`)
      .send({ iban: 'FI21 1234 5600 0007 85', taxPercent: 12.5, taxCardYear: 2027, payee: 'expert' })
      .expect(200);
    await web.t.http.post('/experts/me/calendar-feed').set('authorization', `Bearer ${token}`).expect(201);
    const pages: [string, string, string][] = [
      ['availability', text.nav.availability, text.availability.title],
      ['profile', text.nav.profile, text.profile.title],
      ['certificates', text.nav.certificates, text.certificates.title],
      ['payment-details', text.nav.paymentDetails, text.paymentDetails.title],
      ['calendar-link', text.nav.calendarLink, text.calendarLink.title],
      ['my-data', text.nav.myData, text.myData.title],
    ];
    for (const width of [1280, 360]) {
      // Through the menu at desktop width (the session lives in the page's memory), then at the width pictured.
      const page = await web.newPage(language);
      await signIn(page, expert, signInLabels(text));
      await expectPage(page, text.home.title);
      for (const [name, link, title] of pages) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await viaMenu(page, text, link, title);
        await page.setViewportSize({ width, height: 900 });
        await page.waitForLoadState('networkidle');
        await picture(page, name, width);
      }
    }
  },
);
