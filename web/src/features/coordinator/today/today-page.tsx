import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../components/announcer';
import { Page } from '../../../components/page';
import { AppLink } from '../../../components/router-link';
import { Empty, Loading, ReadFailure, RefusedNotice } from '../../../components/states';
import { Button, Heading, Paragraph } from '../../../components/suomifi';
import { type Column, TableRows } from '../../../components/table';
import { formatDate, formatDateTime } from '../../../i18n/format';
import type { Language } from '../../../i18n/languages';
import { useCoordinatorColumns } from '../shared/columns';
import { TableRegion } from '../../../components/table-region';
import { waitedText } from '../shared/waited';
import '../shared/coordinator.css';
import { useAction } from '../shared/use-action';
import { markNoShowHandled, type TodayCounts, useToday } from './today-api';

type QueueInfo = { anchor: string; n: number; label: string; caption: string };

function Queue({ of, notice, children }: { of: QueueInfo; notice?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby={`${of.anchor}-heading`} id={of.anchor}>
      <Heading variant="h2" id={`${of.anchor}-heading`} mb="s">
        {of.label} ({of.n})
      </Heading>
      {notice}
      {of.n === 0 ? <Empty text={t('coordinator.today.nothingWaiting')} /> : children}
    </section>
  );
}

// A queue shown as a table of its oldest work, the columns given as children; after it, what `more` links to.
function QueueTable<Row extends { id: string }>({
  of,
  rows,
  children,
  more,
}: {
  of: QueueInfo;
  rows: Row[];
  children: Column<Row>[];
  more?: ReactNode;
}) {
  return (
    <Queue of={of}>
      <TableRegion boxed id={of.anchor.replace('queue-', 'today-')} caption={of.caption} captionHidden>
        <TableRows rows={rows} rowKey={(row) => row.id} columns={children} />
      </TableRegion>
      {more}
    </Queue>
  );
}

// Each queue's anchor, size and name (the counts at the top link to the queues below) and its table's caption.
function useQueues(counts: TodayCounts | undefined) {
  const { t } = useTranslation();
  if (!counts) return undefined;
  const queue = (anchor: string, n: number, key: string) => ({
    anchor: `queue-${anchor}`,
    n,
    label: t(`coordinator.today.${key}`),
    caption: t(`coordinator.today.${key}Caption`),
  });
  return {
    credentials: queue('credentials', counts.credentialsToCheck, 'credentials'),
    orders: queue('orders', counts.ordersToMatch, 'orders'),
    offers: queue('offers', counts.offersExpiring, 'offers'),
    contracts: queue('contracts', counts.contractsToApprove, 'contracts'),
    claims: queue('claims', counts.claimsToApprove, 'claims'),
    feeRuns: queue('fee-runs', counts.feeRunsOpen, 'feeRuns'),
    noShows: queue('no-shows', counts.noShowsToHandle, 'noShows'),
  };
}

// The coordinator's first screen: how much waits in each queue, and the oldest work of each, linked to where it is done.
export function TodayPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const today = useToday();
  const data = today.data;
  const queues = useQueues(data?.counts);
  const columns = useCoordinatorColumns();
  return (
    <Page title={t('coordinator.today.title')}>
      <div className="wide-page" />
      {today.isPending && <Loading />}
      <ReadFailure query={today} />
      {data && queues && (
        <>
          <nav aria-label={t('coordinator.today.countsLabel')}>
            <ul className="counts">
              {Object.values(queues).map((c) => (
                <li key={c.anchor}>
                  <a href={`#${c.anchor}`}>
                    <span className="count-number">{c.n}</span>
                    <span className="count-label">{c.label}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>

          <QueueTable
            of={queues.credentials}
            rows={data.credentials}
            more={
              <AppLink to="/coordinator/experts?credentialState=pending">
                {t('coordinator.today.allCredentials')}
              </AppLink>
            }
          >
            {[
              {
                header: t('coordinator.columns.expert'),
                cell: (c) => <AppLink to={`/coordinator/experts/${c.expertId}`}>{c.expertName}</AppLink>,
              },
              { header: t('coordinator.columns.training'), cell: (c) => t(`coordinator.trainingTypes.${c.type}`) },
              { header: t('coordinator.columns.uploaded'), cell: (c) => formatDateTime(language, c.createdAt) },
            ]}
          </QueueTable>

          <QueueTable of={queues.orders} rows={data.orders}>
            {[
              {
                header: t('coordinator.columns.order'),
                cell: (o) => (
                  <>
                    <AppLink to={`/coordinator/orders/${o.id}`}>{o.title}</AppLink>
                    <br />
                    {t(`taskTypes.${o.taskType}`)}
                  </>
                ),
              },
              { header: t('coordinator.columns.when'), cell: (o) => formatDateTime(language, o.startsAt) },
              { header: t('coordinator.columns.waited'), cell: (o) => waitedText(t, o.submittedAt) },
              {
                header: t('coordinator.columns.booked'),
                num: true,
                cell: (o) => t('coordinator.today.bookedOf', { booked: o.booked, needed: o.expertsNeeded }),
              },
              { header: t('coordinator.columns.openOffers'), num: true, cell: (o) => o.openOffers },
            ]}
          </QueueTable>

          <QueueTable of={queues.offers} rows={data.offersExpiring}>
            {[
              {
                header: t('coordinator.columns.order'),
                cell: (o) => <AppLink to={`/coordinator/orders/${o.requestId}`}>{o.title}</AppLink>,
              },
              columns.expert,
              { header: t('coordinator.columns.deadline'), cell: (o) => formatDateTime(language, o.deadline) },
            ]}
          </QueueTable>

          <QueueTable of={queues.contracts} rows={data.contracts}>
            {[
              columns.contract,
              columns.expert,
              columns.term,
              { header: t('coordinator.columns.assignments'), num: true, cell: (c) => c.assignments },
            ]}
          </QueueTable>

          <QueueTable of={queues.claims} rows={data.claims}>
            {[
              columns.claim,
              columns.expert,
              columns.workDate,
              { header: t('coordinator.columns.waited'), cell: (c) => waitedText(t, c.submittedAt) },
            ]}
          </QueueTable>

          <QueueTable of={queues.feeRuns} rows={data.feeRuns}>
            {[
              {
                header: t('coordinator.columns.feeRun'),
                cell: (r) => (
                  <AppLink to={`/fee-runs/${r.id}`}>
                    {t('coordinator.today.feeRunUpTo', { date: formatDate(language, r.upTo) })}
                  </AppLink>
                ),
              },
              { header: t('coordinator.columns.state'), cell: (r) => t(`coordinator.feeRunStatus.${r.status}`) },
              { header: t('coordinator.columns.started'), cell: (r) => formatDateTime(language, r.createdAt) },
            ]}
          </QueueTable>

          <NoShows of={queues.noShows} rows={data.noShows} />
        </>
      )}
    </Page>
  );
}

type NoShowRow = NonNullable<ReturnType<typeof useToday>['data']>['noShows'][number];

// Work the expert did not come to, as the orderer (or a coordinator) recorded it: the coordinator calls the expert,
// offers the work again if it is still needed, and marks it handled; it then leaves the queue.
function NoShows({ of, rows }: { of: QueueInfo; rows: NoShowRow[] }) {
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
  // A row handled meanwhile (another coordinator) leaves with the refetch, and the last one takes the table: the
  // refusal stands above the queue, with the focus that the row's button had.
  return (
    <Queue of={of} notice={handle.error !== undefined && <RefusedNotice error={handle.error} />}>
      <Paragraph mb="s">{t('coordinator.today.noShowsIntro')}</Paragraph>
      <TableRegion boxed id="today-no-shows" caption={t('coordinator.today.noShowsCaption')} captionHidden>
        <TableRows
          rows={rows}
          rowKey={(n) => n.assignmentId}
          columns={[
            {
              header: t('coordinator.columns.work'),
              cell: (n) => <AppLink to={`/coordinator/orders/${n.requestId}`}>{n.title}</AppLink>,
            },
            {
              header: t('coordinator.columns.expert'),
              cell: (n) => <AppLink to={`/coordinator/experts/${n.expertId}`}>{n.expertName}</AppLink>,
            },
            { header: t('coordinator.columns.when'), cell: (n) => formatDateTime(language, n.startsAt) },
            {
              header: t('coordinator.columns.organisation'),
              cell: (n) => `${n.organisationCode} ${language === 'sv' ? n.organisationNameSv : n.organisationNameFi}`,
            },
            {
              header: t('coordinator.columns.handling'),
              cell: (n) => (
                <Button
                  variant="secondary"
                  aria-disabled={handle.pending}
                  aria-label={t('coordinator.today.markHandledNamed', { title: n.title, expert: n.expertName })}
                  onClick={() => handle.run(n)}
                >
                  {t('coordinator.today.markHandled')}
                </Button>
              ),
            },
          ]}
        />
      </TableRegion>
    </Queue>
  );
}
