import { useTranslation } from 'react-i18next';
import type { FeeRun } from './fee-runs-api';

// The run's state in words; an approved run being exported, and one waiting for its second approver, say so.
export function StatusTag({ run }: { run: FeeRun }) {
  const { t } = useTranslation();
  const text =
    run.status === 'approved' && run.exportRequestedAt
      ? t('feeRuns.status.exporting')
      : run.status === 'computed' && run.firstApprovedBy
        ? t('feeRuns.status.firstApproved')
        : t(`feeRuns.status.${run.status}`);
  return <span className={`status-tag status-tag--${run.status}`}>{text}</span>;
}
