import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { useAnnounce } from '../../components/announcer';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { AppLink } from '../../components/router-link';
import { saveBlob } from '../../components/save-file';
import { Empty, LoadError, Loading, ProblemNotice } from '../../components/states';
import { Button, Heading, InlineAlert, Paragraph } from '../../components/suomifi';
import { TableRegion } from '../../components/table-region';
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
  type TaskType,
  useCostCentres,
  useFeeRun,
  useFeeRunFiles,
  useFeeRunLines,
  useFeeRunProgress,
  useRunAction,
} from './fee-runs-api';
import { ProgressBar } from './progress-bar';
import { StatusTag } from './status-tag';

const TASK_TYPES: TaskType[] = [
  'working_group',
  'evaluation',
  'staff_meeting_training',
  'lecture',
  'workshop_event',
  'client_session',
  'professional_pair',
];
const PAYEES: LinePayee[] = ['expert', 'association', 'declined'];
const day = (date: string) => `${date}T12:00:00Z`;

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
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Run run={query.data} />
      )}
    </Page>
  );
}

function Run({ run }: { run: FeeRun }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const done = !computing(run.status) && run.status !== 'failed';
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
      {run.status === 'failed' && <Failed run={run} />}
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
    <section aria-labelledby="progress-heading" className="section">
      <Heading variant="h2" id="progress-heading" mb="s">
        {t('feeRuns.progress.heading')}
      </Heading>
      <ProgressBar
        id="fee-run-progress"
        label={computing(p.status) ? t('feeRuns.progress.computing') : t('feeRuns.progress.computed')}
        percent={p.percent}
        detail={t('feeRuns.progress.detail', { done: p.processedClaims, total: p.totalClaims, percent: p.percent })}
      />
    </section>
  );
}

function Failed({ run }: { run: FeeRun }) {
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
        <Button
          aria-disabled={action.isPending}
          onClick={() =>
            !action.isPending && action.mutate('retry', { onSuccess: () => announce(t('feeRuns.failed.retried')) })
          }
        >
          {t('feeRuns.failed.retry')}
        </Button>
      </div>
      {action.isError && <ProblemNotice error={action.error} />}
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
    <section aria-labelledby="totals-heading" className="section">
      <Heading variant="h2" id="totals-heading" mb="s">
        {t('feeRuns.totals.heading')}
      </Heading>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {run.skippedCount > 0 && (
        <InlineAlert status="warning">
          <Paragraph>{t('feeRuns.totals.skipped', { count: run.skippedCount })}</Paragraph>
        </InlineAlert>
      )}
    </section>
  );
}

function Actions({ run }: { run: FeeRun }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const action = useRunAction(run.id);
  const exporting = run.status === 'approved' && Boolean(run.exportRequestedAt);
  const act = (kind: 'approve' | 'export') => {
    if (action.isPending) return;
    action.mutate(kind, {
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
  const known = isApiError(action.error) ? t(`feeRuns.errors.${action.error.code}`, { defaultValue: '' }) : '';
  if (run.status === 'exported') return null;
  return (
    <section aria-labelledby="actions-heading" className="section">
      <Heading variant="h2" id="actions-heading" mb="s">
        {t('feeRuns.actions.heading')}
      </Heading>
      {run.status === 'computed' && (
        <>
          <Paragraph>
            {run.firstApprovedBy ? t('feeRuns.actions.secondApprovalHint') : t('feeRuns.actions.approveHint')}
          </Paragraph>
          <div className="actions">
            <Button
              aria-disabled={action.isPending}
              loading={action.isPending || undefined}
              ariaLoadingText={t('forms.sending')}
              onClick={() => act('approve')}
            >
              {t('feeRuns.actions.approve')}
            </Button>
          </div>
        </>
      )}
      {run.status === 'approved' && !exporting && (
        <>
          <Paragraph>{t('feeRuns.actions.exportHint')}</Paragraph>
          <div className="actions">
            <Button
              aria-disabled={action.isPending}
              loading={action.isPending || undefined}
              ariaLoadingText={t('forms.sending')}
              onClick={() => act('export')}
            >
              {t('feeRuns.actions.export')}
            </Button>
          </div>
        </>
      )}
      {exporting && <Loading />}
      {exporting && <Paragraph>{t('feeRuns.actions.exporting')}</Paragraph>}
      {action.isError &&
        (known ? (
          <InlineAlert status="error" mt="s">
            <Paragraph>{known}</Paragraph>
          </InlineAlert>
        ) : (
          <ProblemNotice error={action.error} />
        ))}
    </section>
  );
}

function Files({ run }: { run: FeeRun }) {
  const { t } = useTranslation();
  const query = useFeeRunFiles(run.id, true);
  return (
    <section aria-labelledby="files-heading" className="section">
      <Heading variant="h2" id="files-heading" mb="s">
        {t('feeRuns.files.heading')}
      </Heading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Empty text={t('feeRuns.files.empty')} />
      ) : (
        <ul className="card-list">
          {query.data.map((file) => (
            <FileItem key={file.id} runId={run.id} file={file} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FileItem({ runId, file }: { runId: string; file: FeeRunFile }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const kind = t(`feeRuns.files.kind.${file.kind}`);
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
      <Button
        variant="secondary"
        aria-label={t('feeRuns.files.downloadNamed', { name: file.fileName })}
        aria-disabled={download.isPending}
        loading={download.isPending || undefined}
        ariaLoadingText={t('forms.sending')}
        onClick={() => !download.isPending && download.mutate()}
      >
        {t('feeRuns.files.download')}
      </Button>
      {download.isError && <ProblemNotice error={download.error} />}
    </li>
  );
}

function CostCentres({ run }: { run: FeeRun }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const query = useCostCentres(run.id, run.lineCount > 0);
  if (run.lineCount === 0) return null;
  return (
    <section aria-labelledby="centres-heading" className="section">
      <Heading variant="h2" id="centres-heading" mb="s">
        {t('feeRuns.centres.heading')}
      </Heading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <TableRegion label={t('feeRuns.centres.heading')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('feeRuns.centres.centre')}</th>
                <th scope="col" className="num">
                  {t('feeRuns.totals.lines')}
                </th>
                <th scope="col" className="num">
                  {t('feeRuns.totals.gross')}
                </th>
                <th scope="col" className="num">
                  {t('feeRuns.totals.travel')}
                </th>
                <th scope="col" className="num">
                  {t('feeRuns.totals.net')}
                </th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((c) => (
                <tr key={c.organisationId}>
                  <th scope="row">
                    {c.costCentre} {language === 'sv' ? c.organisationNameSv : c.organisationNameFi}
                  </th>
                  <td className="num">{c.lines}</td>
                  <td className="num">{formatCents(language, c.grossFeeCents)}</td>
                  <td className="num">{formatCents(language, c.travelAndCostsCents)}</td>
                  <td className="num">{formatCents(language, c.netCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

function Lines({ run }: { run: FeeRun }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [filter, setFilter] = useState<LineFilter>({});
  const [offset, setOffset] = useState(0);
  const centres = useCostCentres(run.id, run.lineCount > 0);
  const query = useFeeRunLines(run.id, filter, offset, run.lineCount > 0);
  if (run.lineCount === 0) return null;
  const change = (key: keyof LineFilter) => (value: string) => {
    setFilter((f) => ({ ...f, [key]: value || undefined }));
    setOffset(0);
  };
  const all = { value: '', label: t('feeRuns.lines.all') };
  return (
    <section aria-labelledby="lines-heading" className="section">
      <Heading variant="h2" id="lines-heading" mb="s">
        {t('feeRuns.lines.heading')}
      </Heading>
      <div className="filters">
        <SelectField
          field="line-cost-centre"
          label={t('feeRuns.lines.costCentre')}
          value={filter.costCentre ?? ''}
          onChange={change('costCentre')}
          errors={[]}
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
          errors={[]}
          options={[all, ...TASK_TYPES.map((v) => ({ value: v, label: t(`taskTypes.${v}`) }))]}
        />
        <SelectField
          field="line-payee"
          label={t('feeRuns.lines.payee')}
          value={filter.payeeKind ?? ''}
          onChange={change('payeeKind')}
          errors={[]}
          options={[all, ...PAYEES.map((v) => ({ value: v, label: t(`feeRuns.lines.payees.${v}`) }))]}
        />
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty text={t('feeRuns.lines.empty')} />
      ) : (
        <>
          <TableRegion label={t('feeRuns.lines.heading')}>
            <table className="data-table">
              <caption>{t('feeRuns.lines.caption', { total: query.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('feeRuns.lines.payeeName')}</th>
                  <th scope="col">{t('feeRuns.lines.workDate')}</th>
                  <th scope="col">{t('feeRuns.lines.taskType')}</th>
                  <th scope="col">{t('feeRuns.lines.costCentre')}</th>
                  <th scope="col" className="num">
                    {t('feeRuns.lines.hours')}
                  </th>
                  <th scope="col" className="num">
                    {t('feeRuns.totals.gross')}
                  </th>
                  <th scope="col" className="num">
                    {t('feeRuns.totals.travel')}
                  </th>
                  <th scope="col" className="num">
                    {t('feeRuns.totals.withholding')}
                  </th>
                  <th scope="col" className="num">
                    {t('feeRuns.totals.net')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((l) => (
                  <tr key={l.id}>
                    <td>
                      {l.payeeName}
                      {l.payeeKind !== 'expert' && <> ({t(`feeRuns.lines.payees.${l.payeeKind}`)})</>}
                    </td>
                    <td>{formatDate(language, day(l.workDate))}</td>
                    <td>{t(`taskTypes.${l.taskType}`)}</td>
                    <td>{l.costCentre}</td>
                    <td className="num">
                      {new Intl.NumberFormat(language === 'en' ? 'en-GB' : `${language}-FI`, {
                        minimumFractionDigits: 2,
                      }).format(l.quarterHours / 4)}
                    </td>
                    <td className="num">{formatCents(language, l.grossFeeCents)}</td>
                    <td className="num">{formatCents(language, l.travelAndCostsCents)}</td>
                    <td className="num">{formatCents(language, l.withholdingCents)}</td>
                    <td className="num">{formatCents(language, l.netCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <Pager offset={offset} limit={LINES_PAGE} total={query.data.total} onChange={setOffset} />
        </>
      )}
    </section>
  );
}
