import { useQuery } from '@tanstack/react-query';
import type { Language } from '../i18n/languages';
import { api, call } from './client';
import type { components } from './schema';

export type Municipality = components['schemas']['MunicipalityResponse'];

// The county's 14 municipalities: a reference list that changes seldom, kept for the session.
export const useMunicipalities = () =>
  useQuery({ queryKey: ['municipalities'], queryFn: () => call(api.GET('/api/municipalities')), staleTime: Infinity });

// In the page's language (both names in English, where neither is the language of the page).
export function municipalityName(language: Language, m: Municipality): string {
  if (language === 'fi') return m.nameFi;
  if (language === 'sv') return m.nameSv;
  return m.nameFi === m.nameSv ? m.nameFi : `${m.nameFi} / ${m.nameSv}`;
}

// A list to choose from, in the alphabetical order of the page's language (Jakobstad comes first in Swedish,
// Isokyrö in Finnish).
export function municipalityOptions(language: Language, list: Municipality[] | undefined) {
  return (list ?? [])
    .map((m) => ({ value: m.code, label: municipalityName(language, m) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}
