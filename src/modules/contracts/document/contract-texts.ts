import { clock, countyTime, formatDate, formatMoney, formatTimeLines } from '../../../common/i18n/format';
import { ContractDocument, ContractTaskLine, DocumentLanguage } from './contract-document';

// Every word the contract PDF prints, in Finnish, Swedish and English, plus the formats that differ by
// language (dates, times, money). Finnish and Swedish are the binding versions; English is an information copy.

export type TaskType = ContractTaskLine['taskType'];
type Fee = ContractDocument['fee'];

export interface ContractTexts {
  pdfLang: string; // BCP 47 tag for the PDF /Lang entry
  countyName: string;
  // Header lines: the county's name in both official languages, the document's language first.
  countyNames: { text: string; lang: string }[];
  title: string;
  subtitle: string;
  contractNumberLabel: string;
  versionLabel: string;
  supersedesLabel: string;
  informationCopy: { heading: string; body: string; footer: string } | null;
  // A draft's preview, shown to the coordinator before approval.
  draftCopy: { heading: string; body: string; footer: string };
  page: (n: number, total: number) => string;
  pdfTitle: (contractNumber: string, version: number) => string;
  sections: {
    parties: string;
    term: string;
    tasks: string;
    fee: string;
    travel: string;
    cancellation: string;
    confidentiality: string;
    privacy: string;
    signatures: string;
  };
  parties: {
    countyLabel: string;
    ordererLabel: (kind: 'unit' | 'project') => string;
    expertLabel: string;
    dateOfBirthLabel: string;
    municipalityLabel: string;
  };
  term: (from: string, until: string) => string[];
  supersedes: (version: number, supersedesNumber: string | null) => string | null;
  tasks: {
    intro: (count: number) => string;
    columns: { index: string; when: string; task: string; place: string; preparation: string };
    remote: string;
    noPreparation: string;
    taskTypes: Record<TaskType, string>;
  };
  fee: {
    rate: (basis: Fee['basis'], rate: string) => string;
    expected: (amount: string) => string;
    payee: (payee: Fee['payee'], associationName: string) => string;
    notEmployment: string;
  };
  travel: (carRatePerKm: string, year: number) => string[];
  cancellation: (hoursBefore: number) => string[];
  confidentiality: string[];
  privacy: string[];
  signatures: {
    intro: string;
    approvedLabel: string;
    signedLabel: string;
    notApproved: string;
    notSigned: string;
  };
  formatDate: (isoDate: string) => string;
  // Lines for the task table's date-and-time cell.
  formatTaskTime: (startsAt: string, endsAt: string) => string[];
  formatInstant: (iso: string) => string;
  formatMoney: (cents: number) => string;
  formatDuration: (minutes: number) => string;
  localName: (fi: string, sv: string) => string;
}

const NBSP = '\u00a0';

function duration(minutes: number, none: string): string {
  if (minutes <= 0) {
    return none;
  }
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) {
    return `${m}${NBSP}min`;
  }
  return m === 0 ? `${h}${NBSP}h` : `${h}${NBSP}h ${m}${NBSP}min`;
}

const FI: ContractTexts = {
  pdfLang: 'fi-FI',
  countyName: 'Pohjanmaan hyvinvointialue',
  countyNames: [
    { text: 'Pohjanmaan hyvinvointialue', lang: 'fi-FI' },
    { text: 'Österbottens välfärdsområde', lang: 'sv-FI' },
  ],
  title: 'Määräaikainen toimeksiantosopimus',
  subtitle: 'Kokemusosaajan tehtävät',
  contractNumberLabel: 'Sopimusnumero',
  versionLabel: 'Versio',
  supersedesLabel: 'Korvaa sopimuksen',
  draftCopy: {
    heading: 'LUONNOS – EI VOIMASSA OLEVA SOPIMUS',
    body: 'Tämä on sopimusluonnoksen esikatselu. Sopimus syntyy vasta, kun koordinaattori on hyväksynyt sen ja kokemusosaaja allekirjoittanut hyväksytyn version. Palkkiot ja matkakorvaukset ovat tämän päivän taulukoiden mukaiset.',
    footer: 'Luonnos – ei voimassa oleva sopimus',
  },
  informationCopy: null,
  page: (n, total) => `Sivu ${n} / ${total}`,
  pdfTitle: (number, version) => `Määräaikainen toimeksiantosopimus ${number}, versio ${version}`,
  sections: {
    parties: 'Sopijapuolet',
    term: 'Sopimuksen voimassaolo',
    tasks: 'Sovitut tehtävät',
    fee: 'Kokemuspalkkio',
    travel: 'Matkakustannukset',
    cancellation: 'Tehtävän peruminen',
    confidentiality: 'Vaitiolovelvollisuus',
    privacy: 'Henkilötietojen käsittely',
    signatures: 'Hyväksyminen ja allekirjoitukset',
  },
  parties: {
    countyLabel: 'Toimeksiantaja',
    ordererLabel: (kind) => (kind === 'unit' ? 'Tilaava yksikkö' : 'Tilaava hanke'),
    expertLabel: 'Kokemusosaaja (toimeksisaaja)',
    dateOfBirthLabel: 'Syntymäaika',
    municipalityLabel: 'Kotikunta',
  },
  term: (from, until) => [
    `Sopimus on määräaikainen ja voimassa ${from}–${until}. Se päättyy ilman irtisanomista viimeisen voimassaolopäivän päättyessä.`,
    'Sopimus koskee vain kohdassa 3 lueteltuja tehtäviä. Muista tehtävistä tehdään erillinen sopimus.',
  ],
  supersedes: (version, number) =>
    number
      ? `Tämä sopimus (versio ${version}) korvaa sopimuksen ${number}, joka lakkaa olemasta voimassa.`
      : version > 1
        ? `Tämä versio ${version} korvaa sopimuksen aiemmat versiot.`
        : null,
  tasks: {
    intro: (count) => `Kokemusosaaja tekee seuraavat tehtävät (${count} kpl). Kellonajat ovat Suomen aikaa.`,
    columns: { index: 'Nro', when: 'Päivä ja aika', task: 'Tehtävä', place: 'Paikka', preparation: 'Valmistelu' },
    remote: 'Etänä (verkossa)',
    noPreparation: 'ei valmistelua',
    taskTypes: {
      working_group: 'Kehittämistyöryhmä',
      evaluation: 'Palvelujen havainnointi ja arviointi',
      staff_meeting_training: 'Henkilöstön kokous tai koulutus',
      lecture: 'Luento tai puheenvuoro',
      workshop_event: 'Työpaja tai tapahtuma',
      client_session: 'Kokemusperäinen asiakastapaaminen',
      professional_pair: 'Työskentely ammattilaisen työparina',
    },
  },
  fee: {
    rate: (basis, rate) =>
      basis === 'hourly'
        ? `Kokemuspalkkio on ${rate} tunnilta. Valmisteluaika luetaan työaikaan.`
        : `Kokemuspalkkio on ${rate} tehtävältä. Se on kiinteä palkkio, joka sisältää myös valmistelun.`,
    expected: (amount) =>
      `Arvioitu kokemuspalkkio yhteensä: ${amount}. Lopullinen palkkio maksetaan toteutuneen työn mukaan palkkio- ja kulukorvausilmoituksen perusteella.`,
    payee: (payee, associationName) =>
      payee === 'expert'
        ? 'Palkkio maksetaan kokemusosaajalle. Siitä toimitetaan ennakonpidätys verokortin mukaan tai 60 prosentin mukaan, jos verokorttia ei ole toimitettu.'
        : payee === 'association'
          ? `Palkkio maksetaan yhdistykselle ${associationName}, joka laskuttaa sen hyvinvointialueelta.`
          : 'Kokemusosaaja on luopunut kokemuspalkkiosta (vapaaehtoistyö). Matkakustannukset korvataan silti kohdan 5 mukaisesti.',
    notEmployment:
      'Kokemuspalkkiota ei makseta työsuhteessa. Tämä on toimeksiantosopimus, eikä se synnytä työsuhdetta eikä virkasuhdetta.',
  },
  travel: (rate, year) => [
    `Oman auton käytöstä maksetaan ${rate} kilometriltä (vuoden ${year} korvaus).`,
    'Julkisen liikenteen ja pysäköinnin kustannukset korvataan todellisten kulujen mukaan kuittia vastaan.',
    'Matkakustannukset ilmoitetaan palkkio- ja kulukorvausilmoituksella, ja ne maksetaan erillään kokemuspalkkiosta.',
  ],
  cancellation: (hours) => [
    `Jos hyvinvointialue peruu tehtävän alle ${hours} tuntia ennen sen alkamista, kokemusosaajalle maksetaan tehtävästä täysi kokemuspalkkio.`,
    'Jos hyvinvointialue peruu tehtävän tätä aiemmin, palkkiota ei makseta.',
    'Jos kokemusosaaja peruu tehtävän, palkkiota ei makseta, eikä perumisesta aiheudu hänelle seuraamuksia.',
  ],
  confidentiality: [
    'Kokemusosaajalla on vaitiolovelvollisuus. Salassa pidettäviä ovat asiakkaiden ja henkilöstön henkilötiedot ja terveydentilaa koskevat tiedot sekä kaikki, mitä kokemusosaaja saa tehtävissään tietää yksittäisistä ihmisistä ja heidän asioistaan.',
    'Näitä tietoja ei saa kertoa sivullisille eikä käyttää omaksi tai toisen hyödyksi tai toisen vahingoksi.',
    'Vaitiolovelvollisuus on voimassa sopimuskauden ajan, ja se jatkuu sopimuksen päätyttyä.',
    'Vaitiolovelvollisuuden rikkominen päättää sopimuksen välittömästi.',
    'Kokemusosaaja saa edelleen kertoa omasta kokemuksestaan.',
  ],
  privacy: [
    'Pohjanmaan hyvinvointialue on rekisterinpitäjä ja käsittelee kokemusosaajan henkilötietoja EU:n yleisen tietosuoja-asetuksen (GDPR) ja tietosuojalain mukaisesti.',
    'Tietoja käytetään vain tämän sopimuksen toteuttamiseen sekä palkkioiden ja kulukorvausten maksamiseen. Ne säilytetään niin kauan kuin laki edellyttää, minkä jälkeen ne poistetaan tai anonymisoidaan.',
    'Sopimukseen merkitään henkilötunnuksen sijasta vain syntymäaika.',
    'Kokemusosaajalla on oikeus tarkastaa omat tietonsa ja vaatia virheellisten tietojen oikaisemista.',
  ],
  signatures: {
    intro: 'Sopimus hyväksytään ja allekirjoitetaan sähköisesti Kokemus-palvelussa.',
    approvedLabel: 'Hyväksynyt hyvinvointialueen puolesta (koordinaattori)',
    signedLabel: 'Hyväksynyt kokemusosaaja (allekirjoitus)',
    notApproved: 'Ei vielä hyväksytty',
    notSigned: 'Ei vielä allekirjoitettu',
  },
  formatDate: (d) => formatDate(d, 'fi'),
  formatTaskTime: (s, e) => formatTimeLines(s, e, 'fi'),
  formatInstant: (iso) => {
    const dt = countyTime(iso);
    return `${formatDate(dt, 'fi')} klo ${clock(dt, '.')}`;
  },
  formatMoney: (cents) => formatMoney(cents, 'fi'),
  formatDuration: (minutes) => duration(minutes, 'ei valmistelua'),
  localName: (fi) => fi,
};

const SV: ContractTexts = {
  pdfLang: 'sv-FI',
  countyName: 'Österbottens välfärdsområde',
  countyNames: [
    { text: 'Österbottens välfärdsområde', lang: 'sv-FI' },
    { text: 'Pohjanmaan hyvinvointialue', lang: 'fi-FI' },
  ],
  title: 'Visstidsavtal om uppdrag',
  subtitle: 'Uppdrag som erfarenhetsexpert',
  contractNumberLabel: 'Avtalsnummer',
  versionLabel: 'Version',
  supersedesLabel: 'Ersätter avtal',
  draftCopy: {
    heading: 'UTKAST – INTE ETT GÄLLANDE AVTAL',
    body: 'Detta är en förhandsvisning av ett avtalsutkast. Avtalet uppstår först när koordinatorn har godkänt det och erfarenhetsexperten har undertecknat den godkända versionen. Arvoden och reseersättningar följer dagens tabeller.',
    footer: 'Utkast – inte ett gällande avtal',
  },
  informationCopy: null,
  page: (n, total) => `Sida ${n} / ${total}`,
  pdfTitle: (number, version) => `Visstidsavtal om uppdrag ${number}, version ${version}`,
  sections: {
    parties: 'Avtalsparter',
    term: 'Avtalets giltighetstid',
    tasks: 'Överenskomna uppgifter',
    fee: 'Erfarenhetsarvode',
    travel: 'Resekostnader',
    cancellation: 'Avbokning',
    confidentiality: 'Tystnadsplikt',
    privacy: 'Behandling av personuppgifter',
    signatures: 'Godkännande och underskrifter',
  },
  parties: {
    countyLabel: 'Uppdragsgivare',
    ordererLabel: (kind) => (kind === 'unit' ? 'Beställande enhet' : 'Beställande projekt'),
    expertLabel: 'Erfarenhetsexpert (uppdragstagare)',
    dateOfBirthLabel: 'Födelsedatum',
    municipalityLabel: 'Hemkommun',
  },
  term: (from, until) => [
    `Avtalet är ett visstidsavtal och gäller ${from}–${until}. Det upphör utan uppsägning när den sista giltighetsdagen har gått ut.`,
    'Avtalet gäller endast de uppgifter som räknas upp i punkt 3. För andra uppgifter ingås ett separat avtal.',
  ],
  supersedes: (version, number) =>
    number
      ? `Detta avtal (version ${version}) ersätter avtal ${number}, som därmed upphör att gälla.`
      : version > 1
        ? `Denna version ${version} ersätter avtalets tidigare versioner.`
        : null,
  tasks: {
    intro: (count) => `Erfarenhetsexperten utför följande uppgifter (${count} st.). Klockslagen anges i finsk tid.`,
    columns: { index: 'Nr', when: 'Dag och tid', task: 'Uppgift', place: 'Plats', preparation: 'Förberedelse' },
    remote: 'På distans (på nätet)',
    noPreparation: 'ingen förberedelse',
    taskTypes: {
      working_group: 'Utvecklingsarbetsgrupp',
      evaluation: 'Observation och utvärdering av tjänster',
      staff_meeting_training: 'Personalmöte eller utbildning',
      lecture: 'Föreläsning eller anförande',
      workshop_event: 'Workshop eller evenemang',
      client_session: 'Erfarenhetsbaserat klientmöte',
      professional_pair: 'Arbete som arbetspar med en yrkesperson',
    },
  },
  fee: {
    rate: (basis, rate) =>
      basis === 'hourly'
        ? `Erfarenhetsarvodet är ${rate} per timme. Förberedelsetid räknas som arbetstid.`
        : `Erfarenhetsarvodet är ${rate} per uppgift. Det är ett fast arvode som också omfattar förberedelsen.`,
    expected: (amount) =>
      `Beräknat erfarenhetsarvode sammanlagt: ${amount}. Det slutliga arvodet betalas enligt det arbete som faktiskt utförts, på basis av arvodes- och kostnadsersättningsanmälan.`,
    payee: (payee, associationName) =>
      payee === 'expert'
        ? 'Arvodet betalas till erfarenhetsexperten. Förskottsinnehållning verkställs enligt skattekortet eller med 60 procent, om inget skattekort har lämnats in.'
        : payee === 'association'
          ? `Arvodet betalas till föreningen ${associationName}, som fakturerar välfärdsområdet.`
          : 'Erfarenhetsexperten har avstått från erfarenhetsarvodet (frivilligt arbete). Resekostnaderna ersätts ändå enligt punkt 5.',
    notEmployment:
      'Erfarenhetsarvodet betalas inte i ett anställningsförhållande. Detta är ett uppdragsavtal, och det grundar varken ett arbetsavtals- eller ett tjänsteförhållande.',
  },
  travel: (rate, year) => [
    `För användning av egen bil betalas ${rate} per kilometer (ersättningen för år ${year}).`,
    'Kostnader för kollektivtrafik och parkering ersätts enligt de faktiska kostnaderna mot kvitto.',
    'Resekostnaderna anmäls i arvodes- och kostnadsersättningsanmälan och betalas separat från erfarenhetsarvodet.',
  ],
  cancellation: (hours) => [
    `Om välfärdsområdet avbokar en uppgift mindre än ${hours} timmar innan den börjar, får erfarenhetsexperten fullt erfarenhetsarvode för uppgiften.`,
    'Om välfärdsområdet avbokar uppgiften tidigare än så betalas inget arvode.',
    'Om erfarenhetsexperten avbokar uppgiften betalas inget arvode, och avbokningen medför inga påföljder för erfarenhetsexperten.',
  ],
  confidentiality: [
    'Erfarenhetsexperten har tystnadsplikt. Sekretessbelagda är klienternas och personalens personuppgifter och uppgifter om deras hälsa samt allt som erfarenhetsexperten i sitt uppdrag får veta om enskilda människor och deras angelägenheter.',
    'Uppgifterna får inte röjas för utomstående och inte användas till egen eller annans nytta eller till skada för någon annan.',
    'Tystnadsplikten gäller under avtalsperioden och fortsätter att gälla efter att avtalet har upphört.',
    'Ett brott mot tystnadsplikten leder till att avtalet upphör omedelbart.',
    'Erfarenhetsexperten får fortfarande berätta om sina egna erfarenheter.',
  ],
  privacy: [
    'Österbottens välfärdsområde är personuppgiftsansvarig och behandlar erfarenhetsexpertens personuppgifter i enlighet med EU:s allmänna dataskyddsförordning (GDPR) och dataskyddslagen.',
    'Uppgifterna används endast för att genomföra detta avtal och för att betala arvoden och kostnadsersättningar. De bevaras så länge lagen kräver och raderas eller anonymiseras därefter.',
    'I avtalet anges endast födelsedatum, inte personbeteckningen.',
    'Erfarenhetsexperten har rätt att granska sina uppgifter och kräva att felaktiga uppgifter rättas.',
  ],
  signatures: {
    intro: 'Avtalet godkänns och undertecknas elektroniskt i tjänsten Kokemus.',
    approvedLabel: 'Godkänt för välfärdsområdets räkning (koordinator)',
    signedLabel: 'Godkänt av erfarenhetsexperten (underskrift)',
    notApproved: 'Ännu inte godkänt',
    notSigned: 'Ännu inte undertecknat',
  },
  formatDate: (d) => formatDate(d, 'sv'),
  formatTaskTime: (s, e) => formatTimeLines(s, e, 'sv'),
  formatInstant: (iso) => {
    const dt = countyTime(iso);
    return `${formatDate(dt, 'sv')} kl. ${clock(dt, '.')}`;
  },
  formatMoney: (cents) => formatMoney(cents, 'sv'),
  formatDuration: (minutes) => duration(minutes, 'ingen förberedelse'),
  localName: (_fi, sv) => sv,
};

const EN: ContractTexts = {
  pdfLang: 'en',
  countyName: 'Wellbeing services county of Ostrobothnia',
  countyNames: [
    { text: 'Pohjanmaan hyvinvointialue', lang: 'fi-FI' },
    { text: 'Österbottens välfärdsområde', lang: 'sv-FI' },
  ],
  title: 'Fixed-term assignment contract',
  subtitle: 'Tasks of an expert by experience',
  contractNumberLabel: 'Contract number',
  versionLabel: 'Version',
  supersedesLabel: 'Supersedes',
  draftCopy: {
    heading: 'DRAFT – NOT A CONTRACT IN FORCE',
    body: 'This is a preview of a draft contract. The contract comes into being only when the coordinator has approved it and the expert by experience has signed the approved version. Fees and travel rates are those of today’s tables.',
    footer: 'Draft – not a contract in force',
  },
  informationCopy: {
    heading: 'INFORMATION COPY – NOT LEGALLY BINDING',
    body: 'This English version is for information only. The binding contract is the Finnish or Swedish version (määräaikainen toimeksiantosopimus / visstidsavtal om uppdrag).',
    footer: 'Information copy – not legally binding',
  },
  page: (n, total) => `Page ${n} of ${total}`,
  pdfTitle: (number, version) => `Fixed-term assignment contract ${number}, version ${version} (information copy)`,
  sections: {
    parties: 'Parties',
    term: 'Term',
    tasks: 'Agreed tasks',
    fee: 'Experience fee',
    travel: 'Travel costs',
    cancellation: 'Cancellation',
    confidentiality: 'Confidentiality',
    privacy: 'Personal data',
    signatures: 'Approval and signatures',
  },
  parties: {
    countyLabel: 'Commissioning party',
    ordererLabel: (kind) => (kind === 'unit' ? 'Ordering unit' : 'Ordering project'),
    expertLabel: 'Expert by experience (contractor)',
    dateOfBirthLabel: 'Date of birth',
    municipalityLabel: 'Municipality of residence',
  },
  term: (from, until) => [
    `This contract is for a fixed term from ${from} to ${until} inclusive. It ends without notice at the end of its last day.`,
    'It covers only the tasks listed in section 3. Any other task needs a contract of its own.',
  ],
  supersedes: (version, number) =>
    number
      ? `This contract (version ${version}) supersedes contract ${number}, which is no longer in force.`
      : version > 1
        ? `This version ${version} supersedes all earlier versions of the contract.`
        : null,
  tasks: {
    intro: (count) =>
      `The expert by experience carries out the following ${count === 1 ? 'task' : `${count} tasks`}. Times are Finnish time.`,
    columns: { index: 'No.', when: 'Date and time', task: 'Task', place: 'Place', preparation: 'Preparation' },
    remote: 'Remote (online)',
    noPreparation: 'none',
    taskTypes: {
      working_group: 'Development working group',
      evaluation: 'Observing and evaluating services',
      staff_meeting_training: 'Staff meeting or training event',
      lecture: 'Lecture or talk',
      workshop_event: 'Workshop or event',
      client_session: 'Experience-based client session',
      professional_pair: "Working as a professional's pair",
    },
  },
  fee: {
    rate: (basis, rate) =>
      basis === 'hourly'
        ? `The experience fee is ${rate} per hour. Preparation time counts as working time.`
        : `The experience fee is ${rate} per task. It is a fixed fee that also covers preparation.`,
    expected: (amount) =>
      `Estimated experience fee in total: ${amount}. The final fee is paid for the work actually done, based on the fee and expense claim.`,
    payee: (payee, associationName) =>
      payee === 'expert'
        ? 'The fee is paid to the expert by experience. Tax is withheld according to the tax card, or at 60 per cent if no tax card has been provided.'
        : payee === 'association'
          ? `The fee is paid to the association ${associationName}, which invoices the county.`
          : 'The expert by experience has declined the fee (voluntary work). Travel costs are still reimbursed under section 5.',
    notEmployment:
      'The experience fee is not paid in an employment relationship. This is a contract for services; it creates no employment or public-service relationship.',
  },
  travel: (rate, year) => [
    `Use of your own car is reimbursed at ${rate} per kilometre (the rate for ${year}).`,
    'Public transport and parking are reimbursed at actual cost against receipts.',
    'Travel costs are reported on the fee and expense claim and paid separately from the fee.',
  ],
  cancellation: (hours) => [
    `If the county cancels a task less than ${hours} hours before it starts, the expert by experience is paid the full fee for that task.`,
    'If the county cancels a task earlier than that, no fee is paid.',
    'If the expert by experience cancels a task, no fee is paid and there is no penalty.',
  ],
  confidentiality: [
    "The expert by experience is bound by confidentiality. Confidential information includes clients' and staff's personal data and health information, and anything the expert learns about individual people and their affairs while carrying out the tasks.",
    "This information must not be disclosed to outsiders, nor used for the expert's own or anyone else's benefit or to anyone's detriment.",
    'The obligation applies during the contract and continues after it has ended.',
    'A breach of confidentiality ends the contract with immediate effect.',
    'The expert remains free to speak about their own experience.',
  ],
  privacy: [
    "The Wellbeing services county of Ostrobothnia is the controller and processes the expert's personal data under the EU General Data Protection Regulation (GDPR) and the Finnish Data Protection Act.",
    'The data is used only to carry out this contract and to pay fees and expenses. It is kept for as long as the law requires and then deleted or anonymised.',
    'The contract shows only the date of birth, never the personal identity code.',
    'The expert has the right to see their data and to have incorrect data corrected.',
  ],
  signatures: {
    intro: 'The contract is approved and signed electronically in the Kokemus service.',
    approvedLabel: 'Approved for the county (coordinator)',
    signedLabel: 'Accepted by the expert by experience (signature)',
    notApproved: 'Not yet approved',
    notSigned: 'Not yet signed',
  },
  formatDate: (d) => formatDate(d, 'en'),
  formatTaskTime: (s, e) => formatTimeLines(s, e, 'en'),
  formatInstant: (iso) => {
    const dt = countyTime(iso);
    return `${formatDate(dt, 'en')} at ${clock(dt, ':')} (Finnish time)`;
  },
  formatMoney: (cents) => formatMoney(cents, 'en'),
  formatDuration: (minutes) => duration(minutes, 'none'),
  localName: (fi, sv) => (fi === sv ? fi : `${fi} / ${sv}`),
};

const TEXTS: Record<DocumentLanguage, ContractTexts> = { fi: FI, sv: SV, en: EN };

export function contractTexts(language: DocumentLanguage): ContractTexts {
  const texts = TEXTS[language];
  if (!texts) {
    throw new RangeError(`Unsupported document language: ${String(language)}`);
  }
  return texts;
}
