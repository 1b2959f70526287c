import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { formatDateTime, formatTime } from '../i18n/format';
import type { Language } from '../i18n/languages';

// What, when, where and the preparation of a piece of work, as the expert's offer, assignment and home
// screens show it.
export interface Work {
  title: string;
  taskType: string;
  startsAt: string;
  endsAt: string;
  remote: boolean;
  municipality: string | null;
  address: string | null;
  preparationHours: number;
}

// An open change of time left unanswered until the work began, or until the start it proposed, can no longer be
// answered (the API refuses with TIME_CHANGE_LAPSED): the work keeps its time. The expert's and the orderer's screens
// say so in place of the question.
export function proposalLapsed(
  change: { status: string; startsAt: string },
  work: { startsAt: string },
  now = Date.now(),
): boolean {
  return (
    change.status === 'open' && (new Date(work.startsAt).getTime() <= now || new Date(change.startsAt).getTime() <= now)
  );
}

// "ti 3.2.2027 klo 10.00–12.00"; a span over midnight names both days.
export function formatSpan(language: Language, startsAt: string, endsAt: string): string {
  const start = formatDateTime(language, startsAt);
  const sameDay =
    new Date(endsAt).getTime() - new Date(startsAt).getTime() < 24 * 3_600_000 &&
    formatDateTime(language, endsAt).slice(0, -5) === start.slice(0, -5);
  return `${start}–${sameDay ? formatTime(language, endsAt) : formatDateTime(language, endsAt)}`;
}

// The county's municipalities by code, named in the person's language; fetched once per session.
function useMunicipalityName(): (code: string) => string {
  const { i18n } = useTranslation();
  const { data } = useQuery({
    queryKey: ['municipalities'],
    queryFn: () => call(api.GET('/api/municipalities')),
    staleTime: Infinity,
  });
  return (code) => {
    const found = data?.find((m) => m.code === code);
    if (!found) return '';
    return i18n.language === 'sv' ? found.nameSv : found.nameFi;
  };
}

export function usePlace(): (work: Pick<Work, 'remote' | 'municipality' | 'address'>) => string {
  const { t } = useTranslation();
  const municipality = useMunicipalityName();
  return (work) =>
    work.remote
      ? t('work.remote')
      : [work.address, work.municipality ? municipality(work.municipality) : ''].filter(Boolean).join(', ');
}

export function WorkFacts({ work, children }: { work: Work; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const place = usePlace();
  return (
    <dl className="facts">
      <div>
        <dt>{t('work.what')}</dt>
        <dd>{t(`taskTypes.${work.taskType}`)}</dd>
      </div>
      <div>
        <dt>{t('work.when')}</dt>
        <dd>{formatSpan(language, work.startsAt, work.endsAt)}</dd>
      </div>
      <div>
        <dt>{t('work.where')}</dt>
        <dd>{place(work)}</dd>
      </div>
      <div>
        <dt>{t('work.preparation')}</dt>
        <dd>
          {work.preparationHours > 0
            ? t('work.preparationHours', { hours: work.preparationHours.toLocaleString(language) })
            : t('work.noPreparation')}
        </dd>
      </div>
      {children}
    </dl>
  );
}

// The tasks a contract covers, one a line, as the expert and the coordinator see the contract.
export function ContractTasks({ tasks }: { tasks: components['schemas']['ContractAssignmentResponse'][] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <ul className="plain-list">
      {tasks.map((a) => (
        <li key={a.id}>
          {a.title} ({t(`taskTypes.${a.taskType}`)}), {formatSpan(language, a.startsAt, a.endsAt)}
        </li>
      ))}
    </ul>
  );
}
