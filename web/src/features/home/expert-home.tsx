import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { useAnnounce } from '../../components/announcer';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Empty, Loading, ProblemNotice, ReadFailure, RefusedNotice } from '../../components/states';
import { Button, Heading, Paragraph } from '../../components/suomifi';
import { formatSpan } from '../../components/work-facts';
import { Section } from '../../components/section';
import { formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';

// The expert's first screen in one call: what waits for them (GET /api/experts/me/home).
function useHome() {
  return useQuery({ queryKey: ['home'], queryFn: () => call(api.GET('/api/experts/me/home')) });
}

type HomeTimeChange = components['schemas']['HomeTimeChangeResponse'];

const answerTimeChange = (assignmentId: string, answer: 'accept' | 'decline') =>
  answer === 'accept'
    ? call(api.POST('/api/assignments/{id}/time-change/accept', { params: { path: { id: assignmentId } } }))
    : call(api.POST('/api/assignments/{id}/time-change/decline', { params: { path: { id: assignmentId } } }));

// The orderer proposes a new time; it takes effect only if the expert accepts. One tap each way.
function TimeChanges({ changes }: { changes: HomeTimeChange[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const client = useQueryClient();
  const [state, setState] = useState<{ pending?: string; failure?: { id: string; error: unknown }; said?: string }>({});
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.said) said.current?.focus();
  }, [state.said]);
  // A proposal withdrawn or answered meanwhile leaves the list with the refetch that its refusal starts, and the
  // refusal stays above the list, with the focus that its button had.
  const failureGone = state.failure && !changes.some((c) => c.assignmentId === state.failure?.id);
  if (changes.length === 0 && !state.said && !failureGone) return null;
  const answer = async (c: HomeTimeChange, how: 'accept' | 'decline') => {
    if (state.pending) return;
    setState({ pending: c.assignmentId });
    try {
      await answerTimeChange(c.assignmentId, how);
      const text =
        how === 'accept'
          ? t('expertHome.timeChanges.accepted', { title: c.title, time: formatSpan(language, c.startsAt, c.endsAt) })
          : t('expertHome.timeChanges.declined', { title: c.title });
      announce(text);
      setState({ said: text });
      await client.invalidateQueries({ queryKey: ['home'] });
    } catch (error) {
      setState({ failure: { id: c.assignmentId, error } });
    }
  };
  return (
    <Section headingId="home-time-changes" heading={t('expertHome.timeChanges.heading')}>
      {state.said && (
        <Paragraph ref={said} tabIndex={-1} mb="s">
          {state.said}
        </Paragraph>
      )}
      {failureGone && <RefusedNotice error={state.failure?.error} />}
      {changes.length > 0 && <Paragraph mb="s">{t('expertHome.timeChanges.explain')}</Paragraph>}
      <ul className="card-list">
        {changes.map((c) => (
          <li key={c.assignmentId}>
            <Heading variant="h3" id={`time-change-${c.assignmentId}`} mb="xs">
              {c.title}
            </Heading>
            <Paragraph>
              {t('expertHome.timeChanges.now', { time: formatSpan(language, c.fromStartsAt, c.fromEndsAt) })}
            </Paragraph>
            <Paragraph mb="s">
              <strong>
                {t('expertHome.timeChanges.proposed', { time: formatSpan(language, c.startsAt, c.endsAt) })}
              </strong>
            </Paragraph>
            {state.failure?.id === c.assignmentId && <ProblemNotice error={state.failure.error} />}
            <div className="actions">
              <Button
                onClick={() => void answer(c, 'accept')}
                aria-disabled={state.pending !== undefined}
                loading={state.pending === c.assignmentId || undefined}
                ariaLoadingText={t('forms.sending')}
              >
                {t('expertHome.timeChanges.accept')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => void answer(c, 'decline')}
                aria-disabled={state.pending !== undefined}
              >
                {t('expertHome.timeChanges.decline')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ExpertHome({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const home = useHome();
  const data = home.data;
  return (
    <Page title={t('home.title')}>
      <Paragraph mb="m">{t('home.welcome', { name })}</Paragraph>
      {home.isPending && <Loading />}
      <ReadFailure query={home} />
      {data && (
        <>
          <TimeChanges changes={data.timeChanges} />
          <Section headingId="home-offers" heading={t('expertHome.offers')}>
            {data.offers.length === 0 ? (
              <Empty text={t('expertHome.noOffers')} />
            ) : (
              <ul className="card-list">
                {data.offers.map((o) => (
                  <li key={o.id}>
                    <AppLink to={`/offers/${o.id}`}>{o.title}</AppLink>
                    <Paragraph>{formatSpan(language, o.startsAt, o.endsAt)}</Paragraph>
                    <Paragraph>
                      {t('expertHome.answerBy', { deadline: formatDateTime(language, o.deadline) })}
                    </Paragraph>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section headingId="home-contracts" heading={t('expertHome.contracts')}>
            {data.contractsToSign.length === 0 ? (
              <Empty text={t('expertHome.noContracts')} />
            ) : (
              <ul className="card-list">
                {data.contractsToSign.map((c) => (
                  <li key={c.id}>
                    <AppLink to={`/contracts/${c.id}`}>{t('expertHome.contractName', { number: c.number })}</AppLink>
                    <Paragraph>{c.titles.join(', ')}</Paragraph>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section headingId="home-assignments" heading={t('expertHome.assignments')}>
            {data.nextAssignments.length === 0 ? (
              <Empty text={t('expertHome.noAssignments')} />
            ) : (
              <ul className="card-list">
                {data.nextAssignments.map((a) => (
                  <li key={a.id}>
                    <AppLink to={`/assignments/${a.id}`}>{a.title}</AppLink>
                    <Paragraph>{formatSpan(language, a.startsAt, a.endsAt)}</Paragraph>
                  </li>
                ))}
              </ul>
            )}
            <AppLink to="/assignments">
              {data.upcomingAssignments > 0
                ? t('expertHome.allAssignmentsCount', { count: data.upcomingAssignments })
                : t('expertHome.allAssignments')}
            </AppLink>
          </Section>
          <Section headingId="home-claims" heading={t('expertHome.claims')}>
            {data.returnedClaims === 0 ? (
              <Empty text={t('expertHome.noClaims')} />
            ) : (
              <AppLink to="/claims">{t('expertHome.claimsReturned', { count: data.returnedClaims })}</AppLink>
            )}
          </Section>
        </>
      )}
    </Page>
  );
}
