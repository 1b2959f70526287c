import { defineMailTemplate } from '../../mail';

export interface InactivityNoticeParams {
  name: string;
  // The county's day, as documents write a date (formatDate): 3.3.2027, or 3 March 2027 in English.
  anonymiseOn: string;
  link: string;
}

// The privacy job's notice to an expert whose account has been idle for nearly the whole period: signing in keeps
// it; otherwise the personal data is anonymised on the given day and only the records of fees paid remain. The
// subject says what to do and by when, in plain words: it may be all a person reads.
export const inactivityNoticeMail = defineMailTemplate<InactivityNoticeParams>('expert-inactivity-notice', {
  fi: (p) => ({
    subject: `Kirjaudu Kokemus-palveluun ennen ${p.anonymiseOn}, jos haluat pitää tilisi`,
    text: [
      `Hei ${p.name},`,
      '',
      'et ole käyttänyt Kokemus-palvelua pitkään aikaan, eikä sinulla ole avoimia toimeksiantoja tai maksamattomia palkkioita.',
      `Henkilötietosi anonymisoidaan ${p.anonymiseOn}. Sen jälkeen tiliäsi ei voi enää käyttää.`,
      'Maksettujen palkkioiden tiedot säilytetään, koska laki velvoittaa säilyttämään kirjanpidon tositteet.',
      '',
      'Jos haluat jatkaa kokemusosaajana, kirjaudu palveluun ennen sitä:',
      p.link,
      '',
      'Pohjanmaan hyvinvointialue',
    ].join('\n'),
  }),
  sv: (p) => ({
    subject: `Logga in i Kokemus före den ${p.anonymiseOn} om du vill behålla ditt konto`,
    text: [
      `Hej ${p.name},`,
      '',
      'du har inte använt Kokemus på länge och du har inga öppna uppdrag eller obetalda arvoden.',
      `Dina personuppgifter anonymiseras den ${p.anonymiseOn}. Därefter kan kontot inte längre användas.`,
      'Uppgifterna om betalda arvoden sparas, eftersom lagen kräver att bokföringens verifikat sparas.',
      '',
      'Om du vill fortsätta som erfarenhetsexpert, logga in före det:',
      p.link,
      '',
      'Österbottens välfärdsområde',
    ].join('\n'),
  }),
  en: (p) => ({
    subject: `Sign in to Kokemus before ${p.anonymiseOn} to keep your account`,
    text: [
      `Hello ${p.name},`,
      '',
      'You have not used Kokemus for a long time, and you have no open assignments or unpaid fees.',
      `Your personal data will be anonymised on ${p.anonymiseOn}. After that the account can no longer be used.`,
      'The records of fees paid to you are kept, as the law requires bookkeeping vouchers to be kept.',
      '',
      'If you wish to continue as an expert by experience, sign in before then:',
      p.link,
      '',
      'Ostrobothnia wellbeing services county',
    ].join('\n'),
  }),
});
