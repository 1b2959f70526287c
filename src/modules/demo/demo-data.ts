import { TaskType } from '../../common/domain/task-type';

// Invented people only. Any likeness to a real person is a coincidence.
export const DEMO_DOMAIN = 'demo.kokemus.invalid';
export const DEMO_PASSWORD = 'Kokemus-demo-2026';

export const DEMO_UNITS = [
  { code: 'PSY-100', nameFi: 'Psykososiaaliset palvelut', nameSv: 'Psykosociala tjänster' },
  { code: 'KUN-200', nameFi: 'Kuntoutus', nameSv: 'Rehabilitering' },
  { code: 'KOT-300', nameFi: 'Kotihoito ja asumispalvelut', nameSv: 'Hemvård och boendeservice' },
  { code: 'ARK-400', nameFi: 'Asiakas- ja resurssikeskus', nameSv: 'Klient- och resurscentret' },
];

export const DEMO_PROJECTS = [
  {
    code: 'HANKE-01',
    owner: 'PSY-100',
    nameFi: 'Kokemusasiantuntijatoiminnan kehittämishanke',
    nameSv: 'Utvecklingsprojekt för erfarenhetsexpertverksamhet',
  },
  {
    code: 'HANKE-02',
    owner: 'ARK-400',
    nameFi: 'Nuorten hyvinvoinnin hanke',
    nameSv: 'Projekt för ungas välbefinnande',
  },
];

export const DEMO_STAFF = [
  { key: 'admin', name: 'Aino Ylläpitäjä', role: 'admin', language: 'fi' },
  { key: 'coordinator', name: 'Katarina Koordinator', role: 'coordinator', language: 'sv' },
  { key: 'orderer.psy', name: 'Mikko Mielenterveys', role: 'orderer', language: 'fi', units: ['PSY-100', 'HANKE-01'] },
  { key: 'orderer.kun', name: 'Sofia Rehab', role: 'orderer', language: 'sv', units: ['KUN-200'] },
  { key: 'orderer.kot', name: 'Leena Kotihoito', role: 'orderer', language: 'fi', units: ['KOT-300'] },
  { key: 'orderer.ark', name: 'Jonas Resurs', role: 'orderer', language: 'sv', units: ['ARK-400', 'HANKE-02'] },
] as const;

const FI_FIRST = [
  'Aila',
  'Eero',
  'Hanna',
  'Ilkka',
  'Jaana',
  'Kalle',
  'Liisa',
  'Matti',
  'Niina',
  'Olli',
  'Pirjo',
  'Raimo',
  'Sari',
  'Tapio',
  'Ulla',
  'Vesa',
  'Kaisa',
  'Jussi',
  'Marjut',
  'Timo',
];
const FI_LAST = [
  'Aaltonen',
  'Hakala',
  'Jokela',
  'Kallio',
  'Laakso',
  'Mäkelä',
  'Nieminen',
  'Ojala',
  'Peltola',
  'Rantala',
];
const SV_FIRST = [
  'Anders',
  'Britt',
  'Christer',
  'Dagmar',
  'Erik',
  'Freja',
  'Göran',
  'Hedvig',
  'Ingvar',
  'Johanna',
  'Kjell',
  'Linnea',
  'Magnus',
  'Nora',
  'Ove',
  'Pia',
  'Rasmus',
  'Stina',
  'Torbjörn',
  'Ylva',
];
const SV_LAST = [
  'Björkqvist',
  'Eklund',
  'Forsström',
  'Granholm',
  'Holmberg',
  'Lindqvist',
  'Nyström',
  'Sandvik',
  'Strandberg',
  'Öhman',
];

// Finnish-speaking municipalities first, Swedish-speaking majority ones after.
const FI_MUNICIPALITIES = ['905', '152', '399', '287', '231', '598', '499'];
const SV_MUNICIPALITIES = ['280', '440', '475', '545', '599', '893', '946', '905'];
// The topic vocabulary, in the order the Experts migration writes it into the topics table.
export const TOPIC_CODES = [
  'mental_health',
  'substance_use',
  'disability',
  'long_term_illness',
  'neurodivergence',
  'child_welfare',
  'family_carer',
  'ageing',
  'homelessness',
  'violence',
  'bereavement',
  'migration',
  'unemployment',
];
// The demo's experts tell of all but three of them.
const TOPICS = TOPIC_CODES.filter((t) => !['violence', 'migration', 'unemployment'].includes(t));

export interface DemoExpert {
  key: string;
  name: string;
  language: 'fi' | 'sv';
  languages: string[];
  homeMunicipality: string;
  travelMunicipalities: string[];
  worksRemotely: boolean;
  topics: string[];
  taskTypes: TaskType[];
  maxPerMonth: number | null;
}

export function demoExperts(): DemoExpert[] {
  const all = Object.values(TaskType);
  return Array.from({ length: 40 }, (_, i) => {
    const sv = i % 3 === 2;
    // Past the twentieth, first names come round again with the next surname: no two experts share a name.
    const round = Math.floor(i / FI_FIRST.length);
    const first = sv ? SV_FIRST[i % SV_FIRST.length] : FI_FIRST[i % FI_FIRST.length];
    const last = sv ? SV_LAST[(i * 7 + round) % SV_LAST.length] : FI_LAST[(i * 3 + round) % FI_LAST.length];
    const towns = sv ? SV_MUNICIPALITIES : FI_MUNICIPALITIES;
    const home = towns[i % towns.length];
    return {
      key: `expert${String(i + 1).padStart(2, '0')}`,
      name: `${first} ${last}`,
      language: sv ? 'sv' : 'fi',
      languages: sv ? (i % 2 === 0 ? ['sv', 'fi'] : ['sv']) : i % 4 === 0 ? ['fi', 'sv', 'en'] : ['fi'],
      homeMunicipality: home,
      travelMunicipalities: ['905', towns[(i + 1) % towns.length]].filter((m) => m !== home),
      worksRemotely: i % 2 === 1,
      topics: [TOPICS[i % TOPICS.length], TOPICS[(i * 3 + 1) % TOPICS.length]].filter((t, k, a) => a.indexOf(t) === k),
      taskTypes: i % 5 === 0 ? all : all.filter((_, k) => (k + i) % 2 === 0),
      maxPerMonth: i % 6 === 0 ? 4 : null,
    };
  });
}
