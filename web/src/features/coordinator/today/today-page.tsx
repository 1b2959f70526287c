import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { Page } from '../../../components/page';
import { AppLink } from '../../../components/router-link';
import { Empty, LoadError, Loading, ProblemNotice } from '../../../components/states';
import { Button, Heading, Paragraph } from '../../../components/suomifi';
import { formatDate, formatDateTime } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { DataTable } from '../shared/data-table';
import { waitedText } from '../shared/waited';
import '../shared/coordinator.css';
import { useAction } from '../shared/use-action';
import { markNoShowHandled, useToday } from './today-api';

function Queue({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby={`${id}-heading`} id={id}>
      <Heading variant="h2" id={`${id}-heading`} mb="s">
        {title} ({count})
      </Heading>
      {count === 0 ? <Empty text={t('coordinator.today.nothingWaiting')} /> : children}
    </section>
  );
}

// The coordinator's first screen: how much waits in each queue, and the oldest work of each, linked to where it is done.
export function TodayPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const today = useToday();
  const data = today.data;
  const counts = data
    ? [
        { anchor: 'queue-credentials', n: data.counts.credentialsToCheck, label: t('coordinator.today.credentials') },
        { anchor: 'queue-orders', n: data.counts.ordersToMatch, label: t('coordinator.today.orders') },
        { anchor: 'queue-offers', n: data.counts.offersExpiring, label: t('coordinator.today.offers') },
        { anchor: 'queue-contracts', n: data.counts.contractsToApprove, label: t('coordinator.today.contracts') },
        { anchor: 'queue-claims', n: data.counts.claimsToApprove, label: t('coordinator.today.claims') },
        { anchor: 'queue-fee-runs', n: data.counts.feeRunsOpen, label: t('coordinator.today.feeRuns') },
        { anchor: 'queue-no-shows', n: data.counts.noShowsToHandle, label: t('coordinator.today.noShows') },
      ]
    : [];
  return (
    <Page title={t('coordinator.today.title')}>
      <div className="wide-page" />
      {today.isPending && <Loading />}
      {today.isError && <LoadError error={today.error} onRetry={() => void today.refetch()} />}
      {data && (
        <>
          <nav aria-label={t('coordinator.today.countsLabel')}>
            <ul className="counts">
              {counts.map((c) => (
                <li key={c.anchor}>
                  <a href={`#${c.anchor}`}>
                    <span className="count-number">{c.n}</span>
                    <span className="count-label">{c.label}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>

          <Queue
            id="queue-credentials"
            title={t('coordinator.today.credentials')}
            count={data.counts.credentialsToCheck}
          >
            <DataTable id="today-credentials" caption={t('coordinator.today.credentialsCaption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('coordinator.columns.expert')}</th>
                  <th scope="col">{t('coordinator.columns.training')}</th>
                  <th scope="col">{t('coordinator.columns.uploaded')}</th>
                </tr>
              </thead>
              <tbody>
                {data.credentials.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <AppLink to={`/coordinator/experts/${c.expertId}`}>{c.expertName}</AppLink>
                    </td>
                    <td>{t(`coordinator.trainingTypes.${c.type}`)}</td>
                    <td>{formatDateTime(language, c.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <AppLink to="/coordinator/experts?credentialState=pending">{t('coordinator.today.allCredentials')}</AppLink>
          </Queue>

          <Queue id="queue-orders" title={t('coordinator.today.orders')} count={data.counts.ordersToMatch}>
            <DataTable id="today-orders" caption={t('coordinator.today.ordersCaption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('coordinator.columns.order')}</th>
                  <th scope="col">{t('coordinator.columns.when')}</th>
                  <th scope="col">{t('coordinator.columns.waited')}</th>
                  <th scope="col" className="num">
                    {t('coordinator.columns.booked')}
                  </th>
                  <th scope="col" className="num">
                    {t('coordinator.columns.openOffers')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.orders.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <AppLink to={`/coordinator/orders/${o.id}`}>{o.title}</AppLink>
                      <br />
                      {t(`taskTypes.${o.taskType}`)}
                    </td>
                    <td>{formatDateTime(language, o.startsAt)}</td>
                    <td>{waitedText(t, o.submittedAt)}</td>
                    <td className="num">
                      {t('coordinator.today.bookedOf', { booked: o.booked, needed: o.expertsNeeded })}
                    </td>
                    <td className="num">{o.openOffers}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Queue>

          <Queue id="queue-offers" title={t('coordinator.today.offers')} count={data.counts.offersExpiring}>
            <DataTable id="today-offers" caption={t('coordinator.today.offersCaption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('coordinator.columns.order')}</th>
                  <th scope="col">{t('coordinator.columns.expert')}</th>
                  <th scope="col">{t('coordinator.columns.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {data.offersExpiring.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <AppLink to={`/coordinator/orders/${o.requestId}`}>{o.title}</AppLink>
                    </td>
                    <td>{o.expertName}</td>
                    <td>{formatDateTime(language, o.deadline)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Queue>

          <Queue id="queue-contracts" title={t('coordinator.today.contracts')} count={data.counts.contractsToApprove}>
            <DataTable id="today-contracts" caption={t('coordinator.today.contractsCaption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('coordinator.columns.contract')}</th>
                  <th scope="col">{t('coordinator.columns.expert')}</th>
                  <th scope="col">{t('coordinator.columns.term')}</th>
                  <th scope="col" className="num">
                    {t('coordinator.columns.assignments')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.contracts.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <AppLink to={`/coordinator/contracts/${c.id}`}>
                        {t('coordinator.contractName', { number: c.number, version: c.version })}
                      </AppLink>
                    </td>
                    <td>{c.expertName}</td>
                    <td>
                      {formatDate(language, c.validFrom)}–{formatDate(language, c.validUntil)}
                    </td>
                    <td className="num">{c.assignments}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Queue>

          <Queue id="queue-claims" title={t('coordinator.today.claims')} count={data.counts.claimsToApprove}>
            <DataTable id="today-claims" caption={t('coordinator.today.claimsCaption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('coordinator.columns.work')}</th>
                  <th scope="col">{t('coordinator.columns.expert')}</th>
                  <th scope="col">{t('coordinator.columns.workDate')}</th>
                  <th scope="col">{t('coordinator.columns.waited')}</th>
                </tr>
              </thead>
              <tbody>
                {data.claims.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <AppLink to={`/coordinator/claims/${c.id}`}>{c.title}</AppLink>
                    </td>
                    <td>{c.expertName}</td>
                    <td>{formatDate(language, c.workDate)}</td>
                    <td>{waitedText(t, c.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Queue>

          <Queue id="queue-fee-runs" title={t('coordinator.today.feeRuns')} count={data.counts.feeRunsOpen}>
            <DataTable id="today-fee-runs" caption={t('coordinator.today.feeRunsCaption')} captionHidden>
              <thead>
                <tr>
                  <th scope="col">{t('coordinator.columns.feeRun')}</th>
                  <th scope="col">{t('coordinator.columns.state')}</th>
                  <th scope="col">{t('coordinator.columns.started')}</th>
                </tr>
              </thead>
              <tbody>
                {data.feeRuns.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <AppLink to={`/fee-runs/${r.id}`}>
                        {t('coordinator.today.feeRunUpTo', { date: formatDate(language, r.upTo) })}
                      </AppLink>
                    </td>
                    <td>{t(`coordinator.feeRunStatus.${r.status}`)}</td>
                    <td>{formatDateTime(language, r.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Queue>

          <Queue id="queue-no-shows" title={t('coordinator.today.noShows')} count={data.counts.noShowsToHandle}>
            <NoShows rows={data.noShows} />
          </Queue>
        </>
      )}
    </Page>
  );
}

type NoShowRow = NonNullable<ReturnType<typeof useToday>['data']>['noShows'][number];

// Work the expert did not come to, as the orderer (or a coordinator) recorded it: the coordinator calls the expert,
// offers the work again if it is still needed, and marks it handled; it then leaves the queue.
function NoShows({ rows }: { rows: NoShowRow[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const handle = useAction(
    (row: NoShowRow) => markNoShowHandled(row.assignmentId),
    (_r, row) => {
      announce(t('coordinator.today.noShowHandled', { title: row.title, expert: row.expertName }));
      void queryClient.invalidateQueries({ queryKey: ['coordinator', 'today'] });
    },
  );
  return (
    <>
      <Paragraph mb="s">{t('coordinator.today.noShowsIntro')}</Paragraph>
      {handle.error !== undefined && <ProblemNotice error={handle.error} />}
      <DataTable id="today-no-shows" caption={t('coordinator.today.noShowsCaption')} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t('coordinator.columns.work')}</th>
            <th scope="col">{t('coordinator.columns.expert')}</th>
            <th scope="col">{t('coordinator.columns.when')}</th>
            <th scope="col">{t('coordinator.columns.organisation')}</th>
            <th scope="col">{t('coordinator.columns.handling')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr key={n.assignmentId}>
              <td>
                <AppLink to={`/coordinator/orders/${n.requestId}`}>{n.title}</AppLink>
              </td>
              <td>
                <AppLink to={`/coordinator/experts/${n.expertId}`}>{n.expertName}</AppLink>
              </td>
              <td>{formatDateTime(language, n.startsAt)}</td>
              <td>
                {n.organisationCode} {language === 'sv' ? n.organisationNameSv : n.organisationNameFi}
              </td>
              <td>
                <Button
                  variant="secondary"
                  aria-disabled={handle.pending}
                  aria-label={t('coordinator.today.markHandledNamed', { title: n.title, expert: n.expertName })}
                  onClick={() => handle.run(n)}
                >
                  {t('coordinator.today.markHandled')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
