import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAnnounce } from '../../components/announcer';
import { DateTimeField } from '../../components/fields';
import { checkRequired, Form, useSubmission } from '../../components/form';
import { Page } from '../../components/page';
import { Pager } from '../../components/pager';
import { AppLink } from '../../components/router-link';
import { Empty, LoadError, Loading } from '../../components/states';
import { Heading, Paragraph } from '../../components/suomifi';
import { TableRegion } from '../../components/table-region';
import { formatCents, formatDate, formatDateTime } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { startFeeRun, useFeeRuns } from './fee-runs-api';
import { StatusTag } from './status-tag';

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());

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
  const [upTo, setUpTo] = useState(today);
  const labels = { upTo: t('feeRuns.start.upTo') };
  const { submit, formProps, errors } = useSubmission({
    send: (value: string) => startFeeRun(value),
    validate: (value) => checkRequired(t, [{ field: 'upTo', label: labels.upTo, value }]),
    labels,
    onSuccess: (run) => {
      announce(t('feeRuns.start.started'));
      void client.invalidateQueries({ queryKey: ['fee-runs'] });
      void navigate(`/fee-runs/${run.id}`, { state: { started: true } });
    },
  });
  return (
    <section aria-labelledby="start-heading" className="section content-narrow">
      <Heading variant="h2" id="start-heading" mb="s">
        {t('feeRuns.start.heading')}
      </Heading>
      <Form onSubmit={() => submit(upTo)} {...formProps} submitLabel={t('feeRuns.start.submit')}>
        <DateTimeField
          field="upTo"
          type="date"
          label={labels.upTo}
          hint={t('feeRuns.start.upToHint')}
          value={upTo}
          onChange={setUpTo}
          errors={errors}
        />
      </Form>
    </section>
  );
}

function Runs() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [offset, setOffset] = useState(0);
  const query = useFeeRuns(offset);
  return (
    <section aria-labelledby="runs-heading" className="section">
      <Heading variant="h2" id="runs-heading" mb="s">
        {t('feeRuns.list.heading')}
      </Heading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty text={t('feeRuns.list.empty')} />
      ) : (
        <>
          <TableRegion label={t('feeRuns.list.heading')}>
            <table className="data-table">
              <caption>{t('feeRuns.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('feeRuns.columns.run')}</th>
                  <th scope="col">{t('feeRuns.columns.status')}</th>
                  <th scope="col">{t('feeRuns.columns.started')}</th>
                  <th scope="col" className="num">
                    {t('feeRuns.columns.lines')}
                  </th>
                  <th scope="col" className="num">
                    {t('feeRuns.columns.net')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((run) => (
                  <tr key={run.id}>
                    <td>
                      <AppLink to={`/fee-runs/${run.id}`}>
                        {t('feeRuns.name', { date: formatDate(language, `${run.upTo}T12:00:00Z`) })}
                      </AppLink>
                    </td>
                    <td>
                      <StatusTag run={run} />
                    </td>
                    <td>{formatDateTime(language, run.createdAt)}</td>
                    <td className="num">{run.lineCount}</td>
                    <td className="num">{formatCents(language, run.netCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <Pager offset={offset} limit={query.data.limit} total={query.data.total} onChange={setOffset} />
        </>
      )}
    </section>
  );
}
