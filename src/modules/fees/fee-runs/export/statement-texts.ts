import { countyTime, formatDate, formatMoney } from '../../../../common/i18n/format';
import { StatementDocument, StatementLanguage, StatementTaskType } from './statement-document';

// Every word the statement prints, in Finnish, Swedish and English, and the formats that differ by language.

export interface StatementTexts {
  pdfLang: string;
  countyName: string;
  countyNames: { text: string; lang: string }[];
  title: string;
  subtitle: string;
  pdfTitle: (reference: string) => string;
  labels: {
    run: string;
    issued: string;
    paymentDate: string;
    expert: string;
    payee: string;
    businessId: string;
    taxCard: string;
  };
  taxCard: (percent: string | null) => string;
  payeeNote: (payee: StatementDocument['payee']) => string | null;
  columns: { date: string; task: string; hours: string; fee: string; travel: string; withheld: string; net: string };
  total: string;
  notes: string[];
  taskTypes: Record<StatementTaskType, string>;
  page: (n: number, total: number) => string;
  formatDate: (isoDate: string) => string;
  formatInstant: (iso: string) => string;
  formatMoney: (cents: number) => string;
  formatHours: (quarterHours: number) => string;
}

const decimalComma = (value: string) => value.replace('.', ',');

const COUNTY = {
  fi: 'Pohjanmaan hyvinvointialue',
  sv: 'Österbottens välfärdsområde',
  en: 'Ostrobothnia wellbeing services county',
};

const fi: StatementTexts = {
  pdfLang: 'fi-FI',
  countyName: COUNTY.fi,
  countyNames: [
    { text: COUNTY.fi, lang: 'fi-FI' },
    { text: COUNTY.sv, lang: 'sv-FI' },
  ],
  title: 'Palkkioerittely',
  subtitle: 'Kokemusosaajan palkkiot ja kulukorvaukset',
  pdfTitle: (ref) => `Palkkioerittely ${ref}`,
  labels: {
    run: 'Maksuajo',
    issued: 'Laadittu',
    paymentDate: 'Maksupäivä',
    expert: 'Kokemusosaaja',
    payee: 'Maksunsaaja',
    businessId: 'Y-tunnus',
    taxCard: 'Ennakonpidätys',
  },
  taxCard: (p) => (p === null ? 'Ei verokorttia tälle vuodelle: 60 %' : `Verokortin mukaan ${decimalComma(p)} %`),
  payeeNote: (p) =>
    p.kind === 'association'
      ? `Palkkio maksetaan yhdistykselle ${p.name}, joka laskuttaa sen; ennakonpidätystä ei tehdä.`
      : p.kind === 'declined'
        ? 'Olet luopunut palkkiosta (vapaaehtoistyö); matka- ja kulukorvaukset maksetaan.'
        : null,
  columns: {
    date: 'Päivä',
    task: 'Tehtävä',
    hours: 'Tunnit',
    fee: 'Palkkio',
    travel: 'Matkat ja kulut',
    withheld: 'Ennakon\u00adpidätys',
    net: 'Maksetaan',
  },
  total: 'Yhteensä',
  notes: [
    'Palkkiota ei makseta työsuhteessa (tulorekisterin tulolaji 210 kokouspalkkio tai 214 luentopalkkio).',
    'Ennakonpidätys tehdään palkkiosta verokortin mukaan, ilman verokorttia 60 %. Matka- ja kulukorvaukset ovat verovapaita, eikä niistä tehdä ennakonpidätystä.',
    'Tunnit ovat työ- ja valmisteluaika aloitettuina vartteina.',
  ],
  taskTypes: {
    working_group: 'Kehittämistyöryhmä',
    evaluation: 'Havainnointi ja arviointi',
    staff_meeting_training: 'Henkilöstön kokous tai koulutus',
    lecture: 'Luento tai puheenvuoro',
    workshop_event: 'Työpaja tai tapahtuma',
    client_session: 'Asiakastapaaminen',
    professional_pair: 'Työskentely ammattilaisen työparina',
  },
  page: (n, total) => `Sivu ${n} / ${total}`,
  formatDate: (d) => formatDate(d, 'fi'),
  formatInstant: (iso) => formatDate(countyTime(iso), 'fi'),
  formatMoney: (c) => formatMoney(c, 'fi'),
  formatHours: (q) => decimalComma((q / 4).toFixed(2)),
};

const sv: StatementTexts = {
  pdfLang: 'sv-FI',
  countyName: COUNTY.sv,
  countyNames: [
    { text: COUNTY.sv, lang: 'sv-FI' },
    { text: COUNTY.fi, lang: 'fi-FI' },
  ],
  title: 'Arvodesspecifikation',
  subtitle: 'Erfarenhetsexpertens arvoden och kostnadsersättningar',
  pdfTitle: (ref) => `Arvodesspecifikation ${ref}`,
  labels: {
    run: 'Utbetalningskörning',
    issued: 'Upprättad',
    paymentDate: 'Betalningsdag',
    expert: 'Erfarenhetsexpert',
    payee: 'Betalningsmottagare',
    businessId: 'FO-nummer',
    taxCard: 'Förskottsinnehållning',
  },
  taxCard: (p) => (p === null ? 'Inget skattekort för året: 60 %' : `Enligt skattekortet ${decimalComma(p)} %`),
  payeeNote: (p) =>
    p.kind === 'association'
      ? `Arvodet betalas till föreningen ${p.name}, som fakturerar det; ingen förskottsinnehållning görs.`
      : p.kind === 'declined'
        ? 'Du har avstått från arvodet (frivilligarbete); rese- och kostnadsersättningarna betalas.'
        : null,
  columns: {
    date: 'Datum',
    task: 'Uppgift',
    hours: 'Timmar',
    fee: 'Arvode',
    travel: 'Resor och kostnader',
    withheld: 'Förskotts\u00adinnehållning',
    net: 'Utbetalas',
  },
  total: 'Sammanlagt',
  notes: [
    'Arvodet betalas inte i ett anställningsförhållande (inkomstregistrets inkomstslag 210 mötesarvode eller 214 föreläsningsarvode).',
    'Förskottsinnehållning görs på arvodet enligt skattekortet, utan skattekort 60 %. Rese- och kostnadsersättningarna är skattefria och ingen förskottsinnehållning görs på dem.',
    'Timmarna är arbets- och förberedelsetid i påbörjade kvartar.',
  ],
  taskTypes: {
    working_group: 'Utvecklingsarbetsgrupp',
    evaluation: 'Observation och utvärdering',
    staff_meeting_training: 'Personalmöte eller utbildning',
    lecture: 'Föreläsning eller anförande',
    workshop_event: 'Workshop eller evenemang',
    client_session: 'Klientmöte',
    professional_pair: 'Arbetspar med en yrkesperson',
  },
  page: (n, total) => `Sida ${n} / ${total}`,
  formatDate: (d) => formatDate(d, 'sv'),
  formatInstant: (iso) => formatDate(countyTime(iso), 'sv'),
  formatMoney: (c) => formatMoney(c, 'sv'),
  formatHours: (q) => decimalComma((q / 4).toFixed(2)),
};

const en: StatementTexts = {
  pdfLang: 'en-GB',
  countyName: COUNTY.en,
  countyNames: [
    { text: COUNTY.fi, lang: 'fi-FI' },
    { text: COUNTY.sv, lang: 'sv-FI' },
  ],
  title: 'Fee statement',
  subtitle: 'Expert by experience: fees and expense reimbursements',
  pdfTitle: (ref) => `Fee statement ${ref}`,
  labels: {
    run: 'Fee run',
    issued: 'Issued',
    paymentDate: 'Payment date',
    expert: 'Expert by experience',
    payee: 'Payee',
    businessId: 'Business ID',
    taxCard: 'Tax withheld',
  },
  taxCard: (p) => (p === null ? 'No tax card for the year: 60 %' : `By tax card ${p} %`),
  payeeNote: (p) =>
    p.kind === 'association'
      ? `The fee is paid to the association ${p.name}, which invoices it; no tax is withheld.`
      : p.kind === 'declined'
        ? 'You have declined the fee (volunteer work); travel and costs are reimbursed.'
        : null,
  columns: {
    date: 'Date',
    task: 'Task',
    hours: 'Hours',
    fee: 'Fee',
    travel: 'Travel and costs',
    withheld: 'Tax withheld',
    net: 'Net paid',
  },
  total: 'Total',
  notes: [
    'The fee is not paid in an employment relationship (Incomes Register income type 210 meeting fee or 214 lecture fee).',
    'Tax is withheld from the fee by the tax card, 60 % without one. Travel and expense reimbursements are tax-free and nothing is withheld from them.',
    'Hours are work and preparation time in started quarter hours.',
  ],
  taskTypes: {
    working_group: 'Development working group',
    evaluation: 'Observation and evaluation',
    staff_meeting_training: 'Staff meeting or training',
    lecture: 'Lecture or talk',
    workshop_event: 'Workshop or event',
    client_session: 'Client session',
    professional_pair: 'Working as a professional’s pair',
  },
  page: (n, total) => `Page ${n} of ${total}`,
  formatDate: (d) => formatDate(d, 'en', 'numeric'),
  formatInstant: (iso) => formatDate(countyTime(iso), 'en', 'short'),
  formatMoney: (c) => formatMoney(c, 'en'),
  formatHours: (q) => (q / 4).toFixed(2),
};

const TEXTS: Record<StatementLanguage, StatementTexts> = { fi, sv, en };

export function statementTexts(language: StatementLanguage): StatementTexts {
  return TEXTS[language];
}
