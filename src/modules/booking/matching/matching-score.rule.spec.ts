import { MATCHING_WEIGHTS, matchingScore, matchingScoreSql, ScoreFactors } from './matching-score.rule';

const none: ScoreFactors = { sharedTopics: 0, atHome: false, speaksFirstLanguage: false, recentAssignments: 0 };

describe('matchingScore', () => {
  it('starts from the base and adds each factor by its weight', () => {
    expect(matchingScore(none)).toBe(100);
    expect(matchingScore({ ...none, sharedTopics: 2 })).toBe(120);
    expect(matchingScore({ ...none, atHome: true })).toBe(105);
    expect(matchingScore({ ...none, speaksFirstLanguage: true })).toBe(103);
    expect(matchingScore({ ...none, recentAssignments: 2 })).toBe(76);
    expect(matchingScore({ sharedTopics: 2, atHome: true, speaksFirstLanguage: true, recentAssignments: 1 })).toBe(116);
  });

  it('is fair: a recent assignment costs more than a shared topic earns', () => {
    expect(matchingScore({ ...none, sharedTopics: 1, recentAssignments: 1 })).toBeLessThan(matchingScore(none));
    expect(matchingScore({ ...none, sharedTopics: 3, recentAssignments: 3 })).toBeLessThan(matchingScore(none));
    expect(MATCHING_WEIGHTS.perRecentAssignment).toBeGreaterThan(MATCHING_WEIGHTS.perSharedTopic);
  });
});

describe('matchingScoreSql', () => {
  const sql = matchingScoreSql({
    sharedTopics: 'st',
    atHome: 'home',
    speaksFirstLanguage: 'first',
    recentAssignments: 'rc',
  });

  it('is the same formula, term by term, from the same weights', () => {
    expect(sql).toBe(
      '(100 + (10) * (st) + (5) * CASE WHEN home THEN 1 ELSE 0 END + (3) * CASE WHEN first THEN 1 ELSE 0 END + (-12) * (rc))::int',
    );
  });

  // The SQL evaluated by hand for every combination of factors (a small interpreter of exactly the shapes it
  // emits) gives what the function gives.
  it('evaluates to matchingScore for every combination of factors', () => {
    for (const sharedTopics of [0, 1, 3]) {
      for (const atHome of [false, true]) {
        for (const speaksFirstLanguage of [false, true]) {
          for (const recentAssignments of [0, 1, 5]) {
            const f = { sharedTopics, atHome, speaksFirstLanguage, recentAssignments };
            const js = sql
              .replace(/::int$/, '')
              .replace(/CASE WHEN (\w+) THEN 1 ELSE 0 END/g, (_m, name: string) => `(${name} ? 1 : 0)`)
              .replace(/\b(st|home|first|rc)\b/g, (name) =>
                String(
                  { st: sharedTopics, home: atHome, first: speaksFirstLanguage, rc: recentAssignments }[name as 'st'],
                ),
              );
            expect(new Function(`return ${js};`)()).toBe(matchingScore(f));
          }
        }
      }
    }
  });
});
