import { useTranslation } from 'react-i18next';
import { formatCents } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { useCoordinatorColumns } from '../shared/columns';
import { StatusQueue, useStatusParams } from '../shared/status-queue';
import { waitedText } from '../shared/waited';
import { type ClaimStatus, useClaimList } from './claims-api';

const STATUSES: ClaimStatus[] = ['submitted', 'returned', 'approved', 'paid'];

// The claims queue: submitted claims waiting for a decision first.
export function ClaimsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const columns = useCoordinatorColumns();
  const params = useStatusParams(STATUSES);
  const { status } = params;
  const list = useClaimList(status, params.offset);
  const statusLabel = (s: ClaimStatus) => t(`coordinator.claimStatus.${s}`);
  return (
    <StatusQueue
      id="claims"
      title={t('coordinator.claims.title')}
      filter={{ id: 'claim-status', label: t('coordinator.claims.show') }}
      statuses={STATUSES}
      statusLabel={statusLabel}
      params={params}
      list={list}
      empty={t('coordinator.claims.none')}
      caption={(range) => t('coordinator.claims.caption', { state: statusLabel(status), ...range })}
      columns={[
        columns.claim,
        columns.expert,
        columns.workDate,
        {
          header: t('coordinator.claims.total'),
          num: true,
          cell: (c) =>
            c.amounts ? formatCents(language, c.amounts.grossFeeCents + c.amounts.travelAndCostsCents) : '–',
        },
        { header: t('coordinator.columns.waited'), cell: (c) => (c.submittedAt ? waitedText(t, c.submittedAt) : '') },
        status === 'submitted' && {
          header: t('coordinator.claims.approvals'),
          cell: (c) =>
            c.firstApprovedBy
              ? t('coordinator.claims.waitingSecond', { name: c.firstApprovedByName })
              : c.twoApprovalsNeeded
                ? t('coordinator.claims.needsTwo')
                : '',
        },
      ]}
    />
  );
}
