import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Empty, LoadError, Loading, RefusedNotice, RefreshFailed, Loaded } from '../../components/states';
import { failedToLoad } from '../../components/query-state';
import { Heading, Paragraph } from '../../components/suomifi';
import { Section } from '../../components/section';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { type Claim, isClaimable, useMyAssignments, useMyClaims } from './claims-api';
import { StartClaimButton } from './start-claim';
import './claims.css';

// The expert's claims: the work still waiting for one, and every claim with where it is on its way to payment.
export function ClaimsPage() {
  const { t } = useTranslation();
  return (
    <div className="content-narrow">
      <Page title={t('claims.title')}>
        <Paragraph mb="m">{t('claims.intro')}</Paragraph>
        <Waiting />
        <Mine />
      </Page>
    </div>
  );
}

function Waiting() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const assignments = useMyAssignments();
  const claims = useMyClaims();
  const claimed = new Set((claims.data?.items ?? []).map((c) => c.assignmentId));
  const waiting = (assignments.data ?? []).filter((a) => isClaimable(a) && !claimed.has(a.id));
  // A claim started meanwhile (another device) takes its work off this list with the refetch that the refusal
  // starts: the refusal stays above the list.
  const [refused, setRefused] = useState<{ id: string; error: unknown }>();
  return (
    <Section headingId="claims-waiting-heading" heading={t('claims.waiting.heading')}>
      {refused && !waiting.some((a) => a.id === refused.id) && <RefusedNotice error={refused.error} />}
      <RefreshFailed query={assignments} />
      {assignments.isPending || claims.isPending ? (
        <Loading />
      ) : failedToLoad(assignments) ? (
        <LoadError error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : waiting.length === 0 ? (
        <Empty text={t('claims.waiting.empty')} />
      ) : (
        <ul className="card-list">
          {waiting.map((a) => (
            <li key={a.id}>
              <Heading variant="h3" mb="xxs">
                {a.title}
              </Heading>
              <Paragraph mb="s">{formatDateTime(language, a.startsAt)}</Paragraph>
              <StartClaimButton
                assignmentId={a.id}
                label={t('claims.waiting.start', { title: a.title })}
                onRefused={(error) => setRefused(error === undefined ? undefined : { id: a.id, error })}
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Mine() {
  const { t } = useTranslation();
  const claims = useMyClaims();
  return (
    <Section headingId="claims-mine-heading" heading={t('claims.mine.heading')}>
      <Loaded query={claims} empty={t('claims.mine.empty')} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <ul className="card-list">
            {page.items.map((c) => (
              <ClaimItem key={c.id} claim={c} />
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
  );
}

// The last thing that happened to a claim, with its date.
export function latestStep(claim: Claim): { key: string; at: string | null } {
  if (claim.status === 'paid') return { key: 'paid', at: claim.paidAt ?? null };
  if (claim.status === 'approved' || claim.status === 'returned')
    return { key: claim.status, at: claim.decidedAt ?? null };
  if (claim.status === 'submitted') return { key: 'submitted', at: claim.submittedAt ?? null };
  return { key: 'draft', at: null };
}

function ClaimItem({ claim }: { claim: Claim }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const step = latestStep(claim);
  return (
    <li>
      <Heading variant="h3" mb="xxs">
        <AppLink to={`/claims/${claim.id}`}>{claim.title}</AppLink>
      </Heading>
      <Paragraph>{t('claims.workDate', { date: formatDate(language, `${claim.workDate}T12:00:00Z`) })}</Paragraph>
      <p className={`claim-status claim-status--${claim.status}`}>
        {t(`claims.status.${claim.status}`)}
        {step.at && ` ${formatDate(language, step.at)}`}
      </p>
      {claim.status === 'returned' && <Paragraph>{t('claims.returnedFix')}</Paragraph>}
      {claim.lateCancellation && <Paragraph>{t('claims.lateCancellation.short')}</Paragraph>}
    </li>
  );
}
