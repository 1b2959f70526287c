import { useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n/languages';
import { useCoordinatorColumns } from '../shared/columns';
import { StatusQueue, useStatusParams } from '../shared/status-queue';
import { type ContractStatus, useContractList } from './contracts-api';

const STATUSES: ContractStatus[] = ['draft', 'approved', 'signed', 'expired', 'terminated', 'superseded'];

// Contracts by state, drafts waiting for approval first.
export function ContractsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const columns = useCoordinatorColumns();
  const params = useStatusParams(STATUSES);
  const { status } = params;
  const list = useContractList(status, params.offset);
  const statusLabel = (s: ContractStatus) => t(`coordinator.contractStatus.${s}`);
  return (
    <StatusQueue
      id="contracts"
      title={t('coordinator.contracts.title')}
      filter={{ id: 'contract-status', label: t('coordinator.contracts.show') }}
      statuses={STATUSES}
      statusLabel={statusLabel}
      params={params}
      list={list}
      empty={t('coordinator.contracts.none')}
      caption={(range) => t('coordinator.contracts.caption', { state: statusLabel(status), ...range })}
      columns={[
        columns.contract,
        columns.expert,
        {
          header: t('coordinator.contracts.orderer'),
          cell: (c) => (language === 'sv' ? c.organisation.nameSv : c.organisation.nameFi),
        },
        columns.term,
        { header: t('coordinator.columns.work'), cell: (c) => c.assignments.map((a) => a.title).join(', ') },
      ]}
    />
  );
}
