import { useTranslation } from 'react-i18next';
import { linkColumn } from '../../../components/table';
import { formatDate, formatDateRange } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';

type ContractRef = { id: string; number: string; version: number };

// The columns the coordinator's lists and the day's queues show alike, whatever else each row holds.
export function useCoordinatorColumns() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return {
    claim: linkColumn<{ id: string; title: string }>(
      t('coordinator.columns.work'),
      (c) => `/coordinator/claims/${c.id}`,
      (c) => c.title,
    ),
    contract: linkColumn<ContractRef>(
      t('coordinator.columns.contract'),
      (c) => `/coordinator/contracts/${c.id}`,
      (c) => t('coordinator.contractName', { number: c.number, version: c.version }),
    ),
    expert: { header: t('coordinator.columns.expert'), cell: (r: { expertName: string }) => r.expertName },
    workDate: {
      header: t('coordinator.columns.workDate'),
      cell: (c: { workDate: string }) => formatDate(language, c.workDate),
    },
    term: {
      header: t('coordinator.columns.term'),
      cell: (c: { validFrom: string; validUntil: string }) => formatDateRange(language, c.validFrom, c.validUntil),
    },
  };
}
