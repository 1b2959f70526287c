import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../../components/page';
import { Pager } from '../../../components/pager';
import { AppLink } from '../../../components/router-link';
import { Empty, LoadError, Loading } from '../../../components/states';
import { formatDate } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { DataTable } from '../shared/data-table';
import '../shared/coordinator.css';
import { type ContractStatus, useContractList } from './contracts-api';

const STATUSES: ContractStatus[] = ['draft', 'approved', 'signed', 'expired', 'terminated', 'superseded'];

// Contracts by state, drafts waiting for approval first.
export function ContractsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [params, setParams] = useSearchParams();
  const status = (STATUSES.find((s) => s === params.get('status')) ?? 'draft') as ContractStatus;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const list = useContractList(status, offset);
  const data = list.data;
  const go = (changes: Record<string, string>) => setParams(new URLSearchParams({ status, ...changes }));
  return (
    <Page title={t('coordinator.contracts.title')}>
      <div className="wide-page" />
      <div className="filters">
        <div>
          <label htmlFor="contract-status">{t('coordinator.contracts.show')}</label>
          <select id="contract-status" value={status} onChange={(e) => go({ status: e.target.value })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`coordinator.contractStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {data && data.total === 0 && <Empty text={t('coordinator.contracts.none')} />}
      {data && data.total > 0 && (
        <>
          <DataTable
            id="contracts"
            caption={t('coordinator.contracts.caption', {
              state: t(`coordinator.contractStatus.${status}`),
              from: offset + 1,
              to: offset + data.items.length,
              total: data.total,
            })}
          >
            <thead>
              <tr>
                <th scope="col">{t('coordinator.columns.contract')}</th>
                <th scope="col">{t('coordinator.columns.expert')}</th>
                <th scope="col">{t('coordinator.contracts.orderer')}</th>
                <th scope="col">{t('coordinator.columns.term')}</th>
                <th scope="col">{t('coordinator.columns.work')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <AppLink to={`/coordinator/contracts/${c.id}`}>
                      {t('coordinator.contractName', { number: c.number, version: c.version })}
                    </AppLink>
                  </td>
                  <td>{c.expertName}</td>
                  <td>{language === 'sv' ? c.organisation.nameSv : c.organisation.nameFi}</td>
                  <td>
                    {formatDate(language, c.validFrom)}–{formatDate(language, c.validUntil)}
                  </td>
                  <td>{c.assignments.map((a) => a.title).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pager offset={offset} limit={50} total={data.total} onChange={(next) => go({ offset: String(next) })} />
        </>
      )}
    </Page>
  );
}
