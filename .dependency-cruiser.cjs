// Module boundaries, checked by `npm run lint` (README, "Module boundaries"). A feature is a folder of src/modules.
//
// 1. src/common holds shared pieces only: it never imports a feature.
// 2. A feature imports another only through what that feature exports on purpose, its public face: its index.ts
//    (named exports only, each group with why it is public), its *.module.ts (Nest modules and their providers),
//    its entities/ (the one schema every feature reads) and dto/ (API shapes). Everything else in it, root files
//    (repositories, services, errors) and sub-concept folders (fees/money, booking/offers, ...) alike, is its own.
// 3. No cycles: between files anywhere (entities excepted: TypeORM relations point both ways), and between
//    features. Features are ordered below; code of a feature (anything but entities/ and dto/) imports only the
//    code of features listed before it, so no two features can need each other. A new dependency that breaks the
//    order is a design question: break the cycle, or justify it in the module and list it in ALLOWED. The order
//    sees direct imports only: an exception to a feature's index.ts admits all that index exports, so the
//    exception's comment (and the importing module's) names what is used.

// Each feature may use the code of those before it.
const FEATURE_ORDER = [
  'audit',
  'mail',
  'health',
  'accessibility',
  'files',
  'auth',
  'users',
  'organisations',
  'credentials',
  'fees',
  'contracts',
  'experts',
  'availability',
  'booking',
  'reports',
  'expert-home',
  'expert-overview',
  'coordinator-today',
  'demo',
];

// Justified exceptions to the order: [from feature, to path]. Each has its comment in the importing module.
const ALLOWED = [
  // Credentials are an expert's: a credential is filed for an existing expert, and its refusal when there is none
  // is the expert's own error (ExpertErrors: EXPERT_NOT_FOUND, defined once); experts' approval in turn needs a
  // verified one.
  ['credentials', '^src/modules/experts/index\\.ts$'],
  // Who may see an assignment is one rule (PRODUCT §1), booking's: a contract and a claim belong to an assignment,
  // and the orderer sees them when they see the assignment (assignmentAccess); a missing one is booking's
  // ASSIGNMENT_NOT_FOUND (BookingErrors). Those two only: booking's services come with its index too.
  ['contracts', '^src/modules/booking/index\\.ts$'],
  ['fees', '^src/modules/booking/index\\.ts$'],
];

const NOT_SHARED = '(entities|dto)/';
// What a feature exports on purpose (rule 2).
const PUBLIC_FACE = `^src/modules/[^/]+/(index\\.ts$|[^/]+\\.module\\.ts$|${NOT_SHARED})`;

const orderRules = FEATURE_ORDER.map((feature, i) => {
  const later = FEATURE_ORDER.slice(i + 1);
  const allowed = ALLOWED.filter(([from]) => from === feature).map(([, to]) => to);
  return later.length === 0
    ? null
    : {
        name: `feature-order-${feature}`,
        comment: `${feature} may use the code of ${FEATURE_ORDER.slice(0, i).join(', ') || 'no other feature'} only (see FEATURE_ORDER)`,
        severity: 'error',
        from: { path: `^src/modules/${feature}/`, pathNot: `^src/modules/${feature}/${NOT_SHARED}` },
        to: { path: `^src/modules/(${later.join('|')})/`, pathNot: [`^src/modules/[^/]+/${NOT_SHARED}`, ...allowed] },
      };
}).filter(Boolean);

module.exports = {
  forbidden: [
    {
      name: 'common-imports-no-feature',
      comment: 'src/common holds shared pieces only; a feature may depend on it, never the other way round',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'feature-public-face-only',
      comment:
        'another feature is private but for what it exports on purpose: import its index.ts, a *.module.ts, its entities/ or dto/',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', PUBLIC_FACE] },
    },
    {
      name: 'no-cycles',
      comment: 'no import cycles; entities excepted (TypeORM relations point both ways)',
      severity: 'error',
      from: { path: '^src/', pathNot: '/entities/' },
      to: { circular: true },
    },
    {
      name: 'known-features-only',
      comment: 'every feature has its place in FEATURE_ORDER',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/modules/', pathNot: `^src/modules/(${FEATURE_ORDER.join('|')})/` },
    },
    ...orderRules,
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count too: a type is a dependency of the design even when the compiler drops it.
    tsPreCompilationDeps: true,
  },
};
