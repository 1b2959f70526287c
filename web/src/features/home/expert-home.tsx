import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Empty, Loading, ReadFailure } from '../../components/states';
import { Paragraph } from '../../components/suomifi';
import { formatSpan } from '../../components/work-facts';
import { Section } from '../../components/section';
import { formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { TimeChangeProposals } from '../assignments/time-change-answer';

// The expert's first screen in one call: what waits for them (GET /api/experts/me/home).
function useHome() {
  return useQuery({ queryKey: ['home'], queryFn: () => call(api.GET('/api/experts/me/home')) });
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
          <TimeChangeProposals
            changes={data.timeChanges}
            headingId="home-time-changes"
            heading={t('expertHome.timeChanges.heading')}
            titled
          />
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
