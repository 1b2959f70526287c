import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { useAnnounce } from '../../components/announcer';
import { Facts } from '../../components/facts';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { AppLink } from '../../components/router-link';
import { saveBlob } from '../../components/save-file';
import { Loaded, Loading, ProblemNotice, RefusedNotice, useKeptRefusal, type OnRefused } from '../../components/states';
import { TASK_TYPES } from '../../components/task-types';
import { InlineAlert, Paragraph } from '../../components/suomifi';
import { TableRegion } from '../../components/table-region';
import { TableRows } from '../../components/table';
import { Section } from '../../components/section';
import { BusyButton } from '../../components/busy-button';
import { formatCents, formatDate, formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import {
  computing,
  type FeeRun,
  type FeeRunFile,
  fetchFeeRunFile,
  type LineFilter,
  type LinePayee,
  LINES_PAGE,
  useCostCentres,
  useFeeRun,
  useFeeRunFiles,
  useFeeRunLines,
  useFeeRunProgress,
  useRunAction,
} from './fee-runs-api';
import { ProgressBar } from './progress-bar';
import { StatusTag } from './status-tag';

const PAYEES: LinePayee[] = ['expert', 'association', 'declined'];
const day = (date: string) => `${date}T12:00:00Z`;

// The fee run's own words for its refusals, where it has them (the general ones stand for the rest): the same
// while the refused button is there and once the refetch has taken it.
const ownText = (t: TFunction, error: unknown) =>
  (isApiError(error) && t(`feeRuns.errors.${error.code}`, { defaultValue: '' })) || undefined;

// One fee run: its progress while the worker computes, its totals and lines, approval, export and the files.
export function FeeRunPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { id = '' } = useParams();
  const query = useFeeRun(id);
  const title = query.data ? t('feeRuns.name', { date: formatDate(language, day(query.data.upTo)) }) : t('feeRuns.run');
  return (
    <Page title={title}>
      <Paragraph mb="m">
        <AppLink to="/fee-runs">{t('feeRuns.back')}</AppLink>
      </Paragraph>
      <Loaded query={query}>{(run) => <Run run={run} />}</Loaded>
    </Page>
  );
}

function Run({ run }: { run: FeeRun }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const done = !computing(run.status) && run.status !== 'failed';
  // A retry refused because the run was retried meanwhile refreshes it, and the failure's part goes: the refusal
  // stays here.
  const retryRefusal = useKeptRefusal(run.status);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('feeRuns.facts.status')}</dt>
          <dd>
            <StatusTag run={run} />
          </dd>
        </div>
        <div>
          <dt>{t('feeRuns.facts.upTo')}</dt>
          <dd>{formatDate(language, day(run.upTo))}</dd>
        </div>
        <div>
          <dt>{t('feeRuns.facts.paymentDate')}</dt>
          <dd>{formatDate(language, day(run.paymentDate))}</dd>
        </div>
        <div>
          <dt>{t('feeRuns.facts.started')}</dt>
          <dd>{formatDateTime(language, run.createdAt)}</dd>
        </div>
        {run.computedAt && (
          <div>
            <dt>{t('feeRuns.facts.computed')}</dt>
            <dd>{formatDateTime(language, run.computedAt)}</dd>
          </div>
        )}
        {run.approvedAt && (
          <div>
            <dt>{t('feeRuns.facts.approved')}</dt>
            <dd>{formatDateTime(language, run.approvedAt)}</dd>
          </div>
        )}
        {run.exportedAt && (
          <div>
            <dt>{t('feeRuns.facts.exported')}</dt>
            <dd>{formatDateTime(language, run.exportedAt)}</dd>
          </div>
        )}
      </dl>
      <Progress run={run} />
      {retryRefusal.gone !== undefined && (
        <RefusedNotice error={retryRefusal.gone} text={ownText(t, retryRefusal.gone)} />
      )}
      {run.status === 'failed' && <Failed run={run} onRefused={retryRefusal.keep} />}
      {done && (
        <>
          <Totals run={run} />
          <Actions run={run} />
          {run.status === 'exported' && <Files run={run} />}
          <CostCentres run={run} />
          <Lines run={run} />
        </>
      )}
    </>
  );
}

function Progress({ run }: { run: FeeRun }) {
  const { t } = useTranslation();
  // Shown for a run just started even if the worker was done before the page opened, so that its end is seen.
  const started = Boolean((useLocation().state as { started?: boolean } | null)?.started);
  const [seenComputing] = useState(() => started || computing(run.status) || run.status === 'failed');
  const query = useFeeRunProgress(run.id, seenComputing || computing(run.status));
  if (!query.data) return null;
  const p = query.data;
  return (
    <Section headingId="progress-heading" heading={t('feeRuns.progress.heading')}>
      <ProgressBar
        id="fee-run-progress"
        label={computing(p.status) ? t('feeRuns.progress.computing') : t('feeRuns.progress.computed')}
        percent={p.percent}
        detail={t('feeRuns.progress.detail', { done: p.processedClaims, total: p.totalClaims, percent: p.percent })}
      />
    </Section>
  );
}

function Failed({ run, onRefused }: { run: FeeRun; onRefused: OnRefused }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const action = useRunAction(run.id);
  const code = run.error?.code ?? '';
  const reason =
    t(`feeRuns.failed.codes.${code}`, { defaultValue: '' }) || run.error?.message || t('feeRuns.failed.unknown');
  return (
    <section aria-labelledby="failed-heading" className="section">
      <InlineAlert status="error" labelText={t('feeRuns.failed.heading')} id="failed-heading">
        <Paragraph>{t('feeRuns.failed.reason', { reason })}</Paragraph>
        {run.error?.claimId && <Paragraph>{t('feeRuns.failed.claim', { id: run.error.claimId })}</Paragraph>}
        <Paragraph>{t('feeRuns.failed.resumes')}</Paragraph>
      </InlineAlert>
      <div className="actions">
        <BusyButton
          busy={action.isPending}
          onClick={() => {
            onRefused(undefined);
            action.mutate('retry', { onSuccess: () => announce(t('feeRuns.failed.retried')), onError: onRefused });
          }}
        >
          {t('feeRuns.failed.retry')}
        </BusyButton>
      </div>
      {action.isError && <ProblemNotice error={action.error} text={ownText(t, action.error)} />}
    </section>
  );
}

function Totals({ run }: { run: FeeRun }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const rows: [string, string][] = [
    [t('feeRuns.totals.lines'), String(run.lineCount)],
    [t('feeRuns.totals.gross'), formatCents(language, run.grossFeeCents)],
    [t('feeRuns.totals.travel'), formatCents(language, run.travelAndCostsCents)],
    [t('feeRuns.totals.withholding'), formatCents(language, run.withholdingCents)],
    [t('feeRuns.totals.net'), formatCents(language, run.netCents)],
  ];
  return (
    <Section headingId="totals-heading" heading={t('feeRuns.totals.heading')}>
      <Facts rows={rows} />
      {run.skippedCount > 0 && (
        <InlineAlert status="warning">
          <Paragraph>{t('feeRuns.totals.skipped', { count: run.skippedCount })}</Paragraph>
        </InlineAlert>
      )}
    </Section>
  );
}

function Actions({ run }: { run: FeeRun }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const action = useRunAction(run.id);
  const exporting = run.status === 'approved' && Boolean(run.exportRequestedAt);
  // Approved or exported meanwhile (another admin): the refetch takes the pressed button, or this whole part once
  // exported, and the refusal takes the focus that the button had.
  const refusal = useKeptRefusal(run.status);
  const act = (kind: 'approve' | 'export') => {
    refusal.keep(undefined);
    action.mutate(kind, {
      onError: refusal.keep,
      onSuccess: (result) => {
        if (kind === 'export') announce(t('feeRuns.actions.exportRequested'));
        else
          announce(
            (result as FeeRun).status === 'approved'
              ? t('feeRuns.actions.approved')
              : t('feeRuns.actions.firstApproved'),
          );
      },
    });
  };
  const gone = refusal.gone !== undefined && <RefusedNotice error={refusal.gone} text={ownText(t, refusal.gone)} />;
  if (run.status === 'exported') return gone || null;
  return (
    <Section headingId="actions-heading" heading={t('feeRuns.actions.heading')}>
      {run.status === 'computed' && (
        <>
          <Paragraph>
            {run.firstApprovedBy ? t('feeRuns.actions.secondApprovalHint') : t('feeRuns.actions.approveHint')}
          </Paragraph>
          <div className="actions">
            <BusyButton busy={action.isPending} onClick={() => act('approve')}>
              {t('feeRuns.actions.approve')}
            </BusyButton>
          </div>
        </>
      )}
      {run.status === 'approved' && !exporting && (
        <>
          <Paragraph>{t('feeRuns.actions.exportHint')}</Paragraph>
          <div className="actions">
            <BusyButton busy={action.isPending} onClick={() => act('export')}>
              {t('feeRuns.actions.export')}
            </BusyButton>
          </div>
        </>
      )}
      {exporting && <Loading />}
      {exporting && <Paragraph>{t('feeRuns.actions.exporting')}</Paragraph>}
      {gone}
      {action.isError && refusal.gone === undefined && (
        <ProblemNotice error={action.error} text={ownText(t, action.error)} />
      )}
    </Section>
  );
}

function Files({ run }: { run: FeeRun }) {
  const { t } = useTranslation();
  const query = useFeeRunFiles(run.id, true);
  return (
    <Section headingId="files-heading" heading={t('feeRuns.files.heading')}>
      <Loaded query={query} empty={t('feeRuns.files.empty')} isEmpty={(files) => files.length === 0}>
        {(files) => (
          <ul className="card-list">
            {files.map((file) => (
              <FileItem key={file.id} runId={run.id} file={file} />
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
  );
}

function FileItem({ runId, file }: { runId: string; file: FeeRunFile }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const kindName = t(`feeRuns.files.kind.${file.kind}`);
  // A statement is told apart from the others by its expert's name, also in its button's name.
  const kind = file.expertName ? t('feeRuns.files.ofExpert', { kind: kindName, name: file.expertName }) : kindName;
  const download = useMutation({
    mutationFn: () => fetchFeeRunFile(runId, file.id),
    onSuccess: (blob) => {
      saveBlob(blob, file.fileName);
      announce(t('feeRuns.files.downloaded', { name: file.fileName }));
    },
  });
  return (
    <li>
      <Paragraph>
        <strong>{kind}</strong>
      </Paragraph>
      <Paragraph mb="s">{file.fileName}</Paragraph>
      <BusyButton
        variant="secondary"
        aria-label={t('feeRuns.files.downloadNamed', { name: file.expertName ? kind : file.fileName })}
        busy={download.isPending}
        onClick={() => download.mutate()}
      >
        {t('feeRuns.files.download')}
      </BusyButton>
      {download.isError && <ProblemNotice error={download.error} />}
    </li>
  );
}

// The amounts the cost centres and the lines both show, in euros: each column reads its field of the row.
function useAmountColumns() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const amount = <Field extends string>(header: string, field: Field) => ({
    header,
    num: true,
    cell: (row: Record<Field, number>) => formatCents(language, row[field]),
  });
  return {
    gross: amount(t('feeRuns.totals.gross'), 'grossFeeCents'),
    travel: amount(t('feeRuns.totals.travel'), 'travelAndCostsCents'),
    withholding: amount(t('feeRuns.totals.withholding'), 'withholdingCents'),
    net: amount(t('feeRuns.totals.net'), 'netCents'),
  };
}

function CostCentres({ run }: { run: FeeRun }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const query = useCostCentres(run.id, run.lineCount > 0);
  const amounts = useAmountColumns();
  if (run.lineCount === 0) return null;
  return (
    <Section headingId="centres-heading" heading={t('feeRuns.centres.heading')}>
      <Loaded query={query}>
        {(centres) => (
          <TableRegion caption={t('feeRuns.centres.caption')} captionHidden>
            <TableRows
              rows={centres}
              rowKey={(c) => c.organisationId}
              columns={[
                {
                  header: t('feeRuns.centres.centre'),
                  rowHeader: true,
                  cell: (c) => `${c.costCentre} ${language === 'sv' ? c.organisationNameSv : c.organisationNameFi}`,
                },
                { header: t('feeRuns.totals.lines'), num: true, cell: (c) => c.lines },
                amounts.gross,
                amounts.travel,
                amounts.net,
              ]}
            />
          </TableRegion>
        )}
      </Loaded>
    </Section>
  );
}

function Lines({ run }: { run: FeeRun }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [filter, setFilter] = useState<LineFilter>({});
  const [offset, setOffset] = useState(0);
  const centres = useCostCentres(run.id, run.lineCount > 0);
  const query = useFeeRunLines(run.id, filter, offset, run.lineCount > 0);
  const amounts = useAmountColumns();
  if (run.lineCount === 0) return null;
  const change = (key: keyof LineFilter) => (value: string) => {
    setFilter((f) => ({ ...f, [key]: value || undefined }));
    setOffset(0);
  };
  const all = { value: '', label: t('feeRuns.lines.all') };
  const hours = new Intl.NumberFormat(language === 'en' ? 'en-GB' : `${language}-FI`, { minimumFractionDigits: 2 });
  return (
    <Section headingId="lines-heading" heading={t('feeRuns.lines.heading')}>
      <div className="filters">
        <SelectField
          field="line-cost-centre"
          label={t('feeRuns.lines.costCentre')}
          value={filter.costCentre ?? ''}
          onChange={change('costCentre')}
          options={[
            all,
            ...[...new Set((centres.data ?? []).map((c) => c.costCentre))].map((c) => ({ value: c, label: c })),
          ]}
        />
        <SelectField
          field="line-task-type"
          label={t('feeRuns.lines.taskType')}
          value={filter.taskType ?? ''}
          onChange={change('taskType')}
          options={[all, ...TASK_TYPES.map((v) => ({ value: v, label: t(`taskTypes.${v}`) }))]}
        />
        <SelectField
          field="line-payee"
          label={t('feeRuns.lines.payee')}
          value={filter.payeeKind ?? ''}
          onChange={change('payeeKind')}
          options={[all, ...PAYEES.map((v) => ({ value: v, label: t(`feeRuns.lines.payees.${v}`) }))]}
        />
      </div>
      <Loaded query={query} empty={t('feeRuns.lines.empty')} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <>
            <TableRegion caption={t('feeRuns.lines.caption', { total: page.total })}>
              <TableRows
                rows={page.items}
                rowKey={(l) => l.id}
                columns={[
                  {
                    header: t('feeRuns.lines.payeeName'),
                    cell: (l) =>
                      l.payeeKind === 'expert'
                        ? l.payeeName
                        : `${l.payeeName} (${t(`feeRuns.lines.payees.${l.payeeKind}`)})`,
                  },
                  { header: t('feeRuns.lines.workDate'), cell: (l) => formatDate(language, day(l.workDate)) },
                  { header: t('feeRuns.lines.taskType'), cell: (l) => t(`taskTypes.${l.taskType}`) },
                  { header: t('feeRuns.lines.costCentre'), cell: (l) => l.costCentre },
                  { header: t('feeRuns.lines.hours'), num: true, cell: (l) => hours.format(l.quarterHours / 4) },
                  amounts.gross,
                  amounts.travel,
                  amounts.withholding,
                  amounts.net,
                ]}
              />
            </TableRegion>
            <Pager offset={offset} limit={LINES_PAGE} total={page.total} onChange={setOffset} />
          </>
        )}
      </Loaded>
    </Section>
  );
}
