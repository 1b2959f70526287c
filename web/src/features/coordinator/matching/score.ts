import type { TFunction } from 'i18next';
import type { MatchingContext } from './matching-api';

export interface Point {
  text: string;
  points: number;
}

// Each point of a candidate's score with its reason, from the API's reasons and weights: the sum is the score.
export function scoreParts(
  t: TFunction,
  reasons: string[],
  orderLanguages: string[],
  weights: MatchingContext['weights'],
  topicName: (code: string) => string,
): Point[] {
  const parts: Point[] = [{ text: t('coordinator.matching.reason.base'), points: weights.base }];
  for (const reason of reasons) {
    const [kind, value] = reason.split(':');
    if (kind === 'topic')
      parts.push({
        text: t('coordinator.matching.reason.topic', { topic: topicName(value) }),
        points: weights.perSharedTopic,
      });
    else if (kind === 'language' && value === orderLanguages[0])
      parts.push({
        text: t('coordinator.matching.reason.firstLanguage', {
          language: t(`coordinator.languages.${value}`, { defaultValue: value }),
        }),
        points: weights.firstLanguage,
      });
    else if (kind === 'place' && value === 'home')
      parts.push({ text: t('coordinator.matching.reason.home'), points: weights.homeMunicipality });
    else if (kind === 'recent' && Number(value) > 0)
      parts.push({
        text: t('coordinator.matching.reason.recent', { count: Number(value) }),
        points: -weights.perRecentAssignment * Number(value),
      });
  }
  return parts;
}

// The reasons that give no points but say why the expert matches.
export function matchNotes(t: TFunction, reasons: string[]): string[] {
  return reasons.flatMap((reason) => {
    const [kind, value] = reason.split(':');
    if (kind === 'language')
      return [
        t('coordinator.matching.reason.speaks', {
          language: t(`coordinator.languages.${value}`, { defaultValue: value }),
        }),
      ];
    // Living in the order's municipality scores points, so scoreParts already names it.
    if (kind === 'place' && value !== 'home') return [t(`coordinator.matching.reason.place.${value}`)];
    return [];
  });
}
