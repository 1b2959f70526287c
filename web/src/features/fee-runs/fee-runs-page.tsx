import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAnnounce } from '../../components/announcer';
import { DateTimeField } from '../../components/fields';
import { checkRequired, fieldBinder, Form, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { Section } from '../../components/section';
import { Loaded } from '../../components/states';
import { Paragraph } from '../../components/suomifi';
import { linkColumn, TableRows } from '../../components/table';
import { TableRegion } from '../../components/table-region';
import { formatCents, formatDate, formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { type FeeRun, startFeeRun, useFeeRuns } from './fee-runs-api';
import { StatusTag } from './status-tag';
import { countyToday } from '../../i18n/helsinki-date';

const today = countyToday;
const day = (date: string) => `${date}T12:00:00Z`;

// The coordinator's fee runs: start one, and follow each to its export.
export function FeeRunsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('feeRuns.title')}>
      <Paragraph mb="m">{t('feeRuns.intro')}</Paragraph>
      <Start />
      <Runs />
    </Page>
  );
}

function Start() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [values, setValues] = useState(() => ({ upTo: today(), paymentDate: today() }));
  const labels = { upTo: t('feeRuns.start.upTo'), paymentDate: t('feeRuns.start.paymentDate') };
  const { submit, formProps, errors } = useSubmission({
    send: startFeeRun,
    validate: (value) =>
      checkRequired(t, [
        { field: 'upTo', label: labels.upTo, value: value.upTo },
        { field: 'paymentDate', label: labels.paymentDate, value: value.paymentDate },
      ]),
    labels,
    onSuccess: (run) => {
      announce(t('feeRuns.start.started'));
      void client.invalidateQueries({ queryKey: ['fee-runs'] });
      void navigate(`/fee-runs/${run.id}`, { state: { started: true } });
    },
  });
  const bind = fieldBinder(values, setValues, labels, errors);
  return (
    <Section headingId="start-heading" heading={t('feeRuns.start.heading')} className="section content-narrow">
      <Form onSubmit={() => submit(values)} {...formProps} submitLabel={t('feeRuns.start.submit')}>
        <DateTimeField {...bind('upTo')} type="date" hint={t('feeRuns.start.upToHint')} />
        <DateTimeField {...bind('paymentDate')} type="date" hint={t('feeRuns.start.paymentDateHint')} min={today()} />
      </Form>
    </Section>
  );
}

function Runs() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [offset, setOffset] = useState(0);
  const query = useFeeRuns(offset);
  return (
    <Section headingId="runs-heading" heading={t('feeRuns.list.heading')}>
      <Loaded query={query} empty={t('feeRuns.list.empty')} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <>
            <TableRegion caption={t('feeRuns.list.caption')}>
              <TableRows
                rows={page.items}
                rowKey={(run) => run.id}
                columns={[
                  linkColumn<FeeRun>(
                    t('feeRuns.columns.run'),
                    (run) => `/fee-runs/${run.id}`,
                    (run) => t('feeRuns.name', { date: formatDate(language, day(run.upTo)) }),
                  ),
                  {
                    header: t('feeRuns.columns.paymentDate'),
                    cell: (run) => formatDate(language, day(run.paymentDate)),
                  },
                  { header: t('feeRuns.columns.status'), cell: (run) => <StatusTag run={run} /> },
                  { header: t('feeRuns.columns.started'), cell: (run) => formatDateTime(language, run.createdAt) },
                  { header: t('feeRuns.columns.lines'), num: true, cell: (run) => run.lineCount },
                  { header: t('feeRuns.columns.net'), num: true, cell: (run) => formatCents(language, run.netCents) },
                ]}
              />
            </TableRegion>
            <Pager offset={offset} limit={page.limit} total={page.total} onChange={setOffset} />
          </>
        )}
      </Loaded>
    </Section>
  );
}
