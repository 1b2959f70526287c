import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Empty, LoadError, Loading, RefreshFailed } from '../../components/states';
import { failedToLoad } from '../../components/query-state';
import { Paragraph } from '../../components/suomifi';
import { formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { isClaimable, useMyAssignments, useMyClaims } from './claims-api';
import { StartClaimButton } from './start-claim';

// /claims/new?assignment=…: the claim of one assignment, started with one press (or opened, if it exists).
export function NewClaimPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [params] = useSearchParams();
  const assignmentId = params.get('assignment') ?? '';
  const assignments = useMyAssignments();
  const claims = useMyClaims();
  const existing = claims.data?.items.find((c) => c.assignmentId === assignmentId);
  if (existing) return <Navigate to={`/claims/${existing.id}`} replace />;
  const assignment = assignments.data?.find((a) => a.id === assignmentId);
  return (
    <div className="content-narrow">
      <Page title={t('claims.new.title')}>
        <RefreshFailed query={assignments} />
        {assignments.isPending || claims.isPending ? (
          <Loading />
        ) : failedToLoad(assignments) ? (
          <LoadError error={assignments.error} onRetry={() => void assignments.refetch()} />
        ) : !assignment || !isClaimable(assignment) ? (
          <>
            <Empty text={t('claims.new.notClaimable')} />
            <AppLink to="/claims">{t('claims.backToList')}</AppLink>
          </>
        ) : (
          <>
            <Paragraph mb="xs">{assignment.title}</Paragraph>
            <Paragraph mb="m">{formatDateTime(language, assignment.startsAt)}</Paragraph>
            <Paragraph mb="m">{t('claims.new.intro')}</Paragraph>
            <StartClaimButton assignmentId={assignment.id} label={t('claims.new.start')} />
          </>
        )}
      </Page>
    </div>
  );
}
