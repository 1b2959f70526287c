// How candidates are ranked: one formula, in one place. The matching query's score column is built from it
// (matchingScoreSql), so the SQL and this function cannot drift apart; matching-score.rule.spec.ts checks the rule.
//
// Weights. Fairness: each assignment in the last 90 days costs more than a shared topic earns, so the same few
// experts do not get everything.
export const MATCHING_WEIGHTS = {
  base: 100,
  perSharedTopic: 10,
  homeMunicipality: 5,
  firstLanguage: 3,
  perRecentAssignment: 12,
} as const;

export interface ScoreFactors {
  // Topics the expert and the order share.
  sharedTopics: number;
  // The work is on site in the expert's home municipality.
  atHome: boolean;
  // The expert speaks the order's first language.
  speaksFirstLanguage: boolean;
  // The expert's assignments (accepted, confirmed or completed) that started in the last 90 days.
  recentAssignments: number;
}

// score = base + Σ weight × factor, a yes counting 1 and a no 0.
const TERMS: readonly { factor: keyof ScoreFactors; weight: number; kind: 'count' | 'yes' }[] = [
  { factor: 'sharedTopics', weight: MATCHING_WEIGHTS.perSharedTopic, kind: 'count' },
  { factor: 'atHome', weight: MATCHING_WEIGHTS.homeMunicipality, kind: 'yes' },
  { factor: 'speaksFirstLanguage', weight: MATCHING_WEIGHTS.firstLanguage, kind: 'yes' },
  { factor: 'recentAssignments', weight: -MATCHING_WEIGHTS.perRecentAssignment, kind: 'count' },
];

export function matchingScore(factors: ScoreFactors): number {
  return TERMS.reduce<number>(
    (score, term) => score + term.weight * Number(factors[term.factor]),
    MATCHING_WEIGHTS.base,
  );
}

// The same formula as an SQL integer expression, given an SQL expression for each factor (an integer for a count,
// a boolean for a yes; a NULL yes counts as no). The expressions are our own SQL, never user input.
export function matchingScoreSql(factors: Record<keyof ScoreFactors, string>): string {
  const terms = TERMS.map((term) => {
    const value =
      term.kind === 'yes' ? `CASE WHEN ${factors[term.factor]} THEN 1 ELSE 0 END` : `(${factors[term.factor]})`;
    return `(${term.weight}) * ${value}`;
  });
  return `(${MATCHING_WEIGHTS.base} + ${terms.join(' + ')})::int`;
}
