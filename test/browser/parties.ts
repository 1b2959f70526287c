import type { Page } from 'playwright-core';
import { Role } from '../../src/common/auth/role.enum';
import { Language } from '../../src/common/i18n/language';
import { OrganisationEntity } from '../../src/modules/organisations/entities/organisation.entity';
import { createBookableExpert } from '../factories/bookable.factory';
import { addMember, createOrdererOfUnit, createUnit } from '../factories/organisations.factory';
import { createUser, login, TestUser } from '../factories/users.factory';
import { TestApp } from '../utils/test-app';
import { expectPage, sharedWebApp, signIn, WebApp } from './browser';
import { signInLabels, TEXTS } from './texts';

// The county's people of the browser specs, made straight in the database (and signed in through the API).

// A new person of `role`, signed in through the API: their token, for the steps a spec takes through the API.
export async function signedIn(t: TestApp, role: Role): Promise<string> {
  return login(t.http, await createUser(t.db, role));
}

// The unit most browser specs order for.
export const PSYCHIATRY = { nameFi: 'Psykiatrian poliklinikka', nameSv: 'Psykiatriska polikliniken' };

// An orderer, Olli Tilaaja, signed in through the API, and the unit they order for.
export async function ordererOfUnit(
  t: TestApp,
  unit: Partial<OrganisationEntity> = PSYCHIATRY,
): Promise<{ orderer: TestUser & { token: string }; unitId: string }> {
  const { orderer, unitId } = await createOrdererOfUnit(t.db, unit, { name: 'Olli Tilaaja' });
  return { orderer: { ...orderer, token: await login(t.http, orderer) }, unitId };
}

// The shared web app and an orderer of `unit` in it, for the specs that take the orderer's steps through the API.
export async function webAppAndOrderer(
  unit?: Partial<OrganisationEntity>,
): Promise<{ web: WebApp; orderer: TestUser & { token: string }; unitId: string }> {
  const web = await sharedWebApp();
  return { web, ...(await ordererOfUnit(web.t, unit)) };
}

// The shared web app and a coordinator signed in through it, for the specs that take the coordinator's steps through
// the API.
export async function webAppAndCoordinator(): Promise<{ web: WebApp; coordinator: string }> {
  const web = await sharedWebApp();
  return { web, coordinator: await signedIn(web.t, Role.Coordinator) };
}

// A new coordinator who reads `language` (named `name`), signed in on a page of the web app (`width` and
// `ownContext` as for WebApp.newPage) and on Today, where a coordinator's session starts.
export async function coordinatorOnToday(
  web: WebApp,
  language: 'fi' | 'sv',
  options: { name?: string; width?: number; ownContext?: boolean } = {},
): Promise<{ coordinator: TestUser; page: Page }> {
  const text = TEXTS[language];
  const coordinator = await createUser(web.t.db, Role.Coordinator, {
    name: options.name,
    language: language as Language,
  });
  const page = await web.newPage(language, options.width, { ownContext: options.ownContext });
  await signIn(page, coordinator, signInLabels(text));
  await expectPage(page, text.coordinator.today.title);
  return { coordinator, page };
}

// The people of an order in `language`: its orderer (Olli Tilaaja or Ulla Beställare) in their unit, and a
// bookable expert (Aino Asiantuntija or Ebba Expert) who speaks the language and shows `topics`.
export async function orderParties(
  t: TestApp,
  language: 'fi' | 'sv',
  topics: string[] = [],
): Promise<{ orderer: TestUser; unit: OrganisationEntity; expertName: string; expert: TestUser }> {
  const orderer = await createUser(t.db, Role.Orderer, {
    name: language === 'fi' ? 'Olli Tilaaja' : 'Ulla Beställare',
    language: language as Language,
  });
  const unit = await createUnit(t.db, PSYCHIATRY);
  await addMember(t.db, unit.id, orderer.id);
  const expertName = language === 'fi' ? 'Aino Asiantuntija' : 'Ebba Expert';
  const expert = await createBookableExpert(t.db, { name: expertName, languages: [language], topics });
  return { orderer, unit, expertName, expert };
}
