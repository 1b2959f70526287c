import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Empty, LoadError, Loading } from '../../components/states';
import { Heading, Paragraph } from '../../components/suomifi';
import { formatSpan } from '../../components/work-facts';
import { formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';

const NEXT_ASSIGNMENTS = 3;

// The expert's first screen: what waits for them. Four small calls in parallel, each a list the API already
// answers (the contracts and claims ones paged to what is shown).
function useHome() {
  return useQueries({
    queries: [
      { queryKey: ['home', 'offers'], queryFn: () => call(api.GET('/api/offers', { params: { query: { status: 'offered' } } })) },
      { queryKey: ['home', 'assignments'], queryFn: () => call(api.GET('/api/assignments')) },
      { queryKey: ['home', 'contracts'], queryFn: () => call(api.GET('/api/contracts', { params: { query: { status: 'approved'} } })) },
      { queryKey: ['home', 'claims'], queryFn: () => call(api.GET('/api/claims', { params: { query: { status: 'returned'} } })) },
    ],
  });
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="section" aria-labelledby={id}>
      <Heading variant="h2" id={id} mb="s">
        {title}
      </Heading>
      {children}
    </section>
  );
}

export function ExpertHome({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [offers, assignments, contracts, claims] = useHome();
  const now = Date.now();
  const waiting = offers.data?.filter((o) => new Date(o.deadline).getTime() > now) ?? [];
  const next = (assignments.data ?? []).filter((a) => (a.status === 'accepted' || a.status === 'confirmed') && new Date(a.endsAt).getTime() > now).slice(0, NEXT_ASSIGNMENTS);
  const toSign = (contracts.data?.items ?? []).filter((c) => c.pdfSha256);
  const returned = claims.data?.total ?? 0;
  const state = (q: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }) =>
    q.isPending ? <Loading /> : q.isError ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null;

  return (
    <Page title={t('home.title')}>
      <Paragraph mb="m">{t('home.welcome', { name })}</Paragraph>
      <Section id="home-offers" title={t('expertHome.offers')}>
        {state(offers) ??
          (waiting.length === 0 ? (
            <Empty text={t('expertHome.noOffers')} />
          ) : (
            <ul className="card-list">
              {waiting.map((o) => (
                <li key={o.id}>
                  <AppLink to={`/offers/${o.id}`}>{o.title}</AppLink>
                  <Paragraph>{formatSpan(language, o.startsAt, o.endsAt)}</Paragraph>
                  <Paragraph>{t('expertHome.answerBy', { deadline: formatDateTime(language, o.deadline) })}</Paragraph>
                </li>
              ))}
            </ul>
          ))}
      </Section>
      <Section id="home-contracts" title={t('expertHome.contracts')}>
        {state(contracts) ??
          (toSign.length === 0 ? (
            <Empty text={t('expertHome.noContracts')} />
          ) : (
            <ul className="card-list">
              {toSign.map((c) => (
                <li key={c.id}>
                  <AppLink to={`/contracts/${c.id}`}>{t('expertHome.contractName', { number: c.number })}</AppLink>
                  <Paragraph>{c.assignments.map((a) => a.title).join(', ')}</Paragraph>
                </li>
              ))}
            </ul>
          ))}
      </Section>
      <Section id="home-assignments" title={t('expertHome.assignments')}>
        {state(assignments) ??
          (next.length === 0 ? (
            <Empty text={t('expertHome.noAssignments')} />
          ) : (
            <ul className="card-list">
              {next.map((a) => (
                <li key={a.id}>
                  <AppLink to={`/assignments/${a.id}`}>{a.title}</AppLink>
                  <Paragraph>{formatSpan(language, a.startsAt, a.endsAt)}</Paragraph>
                </li>
              ))}
            </ul>
          ))}
        <AppLink to="/assignments">{t('expertHome.allAssignments')}</AppLink>
      </Section>
      <Section id="home-claims" title={t('expertHome.claims')}>
        {state(claims) ??
          (returned === 0 ? (
            <Empty text={t('expertHome.noClaims')} />
          ) : (
            <AppLink to="/claims">{t('expertHome.claimsReturned', { count: returned })}</AppLink>
          ))}
      </Section>
    </Page>
  );
}
