import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../../components/page';
import { Pager } from '../../../components/pager';
import { AppLink } from '../../../components/router-link';
import { Empty, LoadError, Loading } from '../../../components/states';
import { formatCents, formatDate } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { DataTable } from '../shared/data-table';
import '../shared/coordinator.css';
import { waitedText } from '../shared/waited';
import { type ClaimStatus, useClaimList } from './claims-api';

const STATUSES: ClaimStatus[] = ['submitted', 'returned', 'approved', 'paid'];

// The claims queue: submitted claims waiting for a decision first.
export function ClaimsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [params, setParams] = useSearchParams();
  const status = (STATUSES.find((s) => s === params.get('status')) ?? 'submitted') as ClaimStatus;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const list = useClaimList(status, offset);
  const data = list.data;
  const go = (changes: Record<string, string>) => setParams(new URLSearchParams({ status, ...changes }));
  return (
    <Page title={t('coordinator.claims.title')}>
      <div className="wide-page" />
      <div className="filters">
        <div>
          <label htmlFor="claim-status">{t('coordinator.claims.show')}</label>
          <select id="claim-status" value={status} onChange={(e) => go({ status: e.target.value })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`coordinator.claimStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {data && data.total === 0 && <Empty text={t('coordinator.claims.none')} />}
      {data && data.total > 0 && (
        <>
          <DataTable
            id="claims"
            caption={t('coordinator.claims.caption', {
              state: t(`coordinator.claimStatus.${status}`),
              from: offset + 1,
              to: offset + data.items.length,
              total: data.total,
            })}
          >
            <thead>
              <tr>
                <th scope="col">{t('coordinator.columns.work')}</th>
                <th scope="col">{t('coordinator.columns.expert')}</th>
                <th scope="col">{t('coordinator.columns.workDate')}</th>
                <th scope="col" className="num">
                  {t('coordinator.claims.total')}
                </th>
                <th scope="col">{t('coordinator.columns.waited')}</th>
                {status === 'submitted' && <th scope="col">{t('coordinator.claims.approvals')}</th>}
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <AppLink to={`/coordinator/claims/${c.id}`}>{c.title}</AppLink>
                  </td>
                  <td>{c.expertName}</td>
                  <td>{formatDate(language, c.workDate)}</td>
                  <td className="num">
                    {c.amounts ? formatCents(language, c.amounts.grossFeeCents + c.amounts.travelAndCostsCents) : '–'}
                  </td>
                  <td>{c.submittedAt ? waitedText(t, c.submittedAt) : ''}</td>
                  {status === 'submitted' && (
                    <td>
                      {c.firstApprovedBy
                        ? t('coordinator.claims.waitingSecond', { name: c.firstApprovedByName })
                        : c.twoApprovalsNeeded
                          ? t('coordinator.claims.needsTwo')
                          : ''}
                    </td>
                  )}
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
