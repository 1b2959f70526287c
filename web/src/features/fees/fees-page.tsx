import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { Page } from '../../components/page';
import { saveBlob } from '../../components/save-file';
import { Empty, LoadError, Loaded, Loading, ProblemNotice } from '../../components/states';
import { Button, Heading, InlineAlert, Paragraph } from '../../components/suomifi';
import { formatCents, formatDate } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { fetchStatement, type Statement, useEarnings, usePaidLines, useStatements } from './fees-api';

// What was paid and when, against the year's ceiling, and the statements to keep.
export function FeesPage() {
  const { t } = useTranslation();
  return (
    <div className="content-narrow">
      <Page title={t('fees.title')}>
        <Paragraph mb="m">{t('fees.intro')}</Paragraph>
        <Earnings />
        <Statements />
        <Lines />
      </Page>
    </div>
  );
}

function Earnings() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const query = useEarnings();
  return (
    <section aria-labelledby="fees-earnings-heading" className="section">
      <Heading variant="h2" id="fees-earnings-heading" mb="s">
        {query.data ? t('fees.earnings.heading', { year: query.data.year }) : t('fees.earnings.headingPlain')}
      </Heading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('fees.earnings.paid')}</dt>
              <dd>{formatCents(language, query.data.paidFeesCents)}</dd>
            </div>
            <div>
              <dt>{t('fees.earnings.ceiling')}</dt>
              <dd>
                {query.data.ceilingCents === null || query.data.ceilingCents === undefined
                  ? t('fees.earnings.noCeiling')
                  : formatCents(language, query.data.ceilingCents)}
              </dd>
            </div>
            {typeof query.data.remainingCents === 'number' && (
              <div>
                <dt>{t('fees.earnings.remaining')}</dt>
                <dd>{formatCents(language, query.data.remainingCents)}</dd>
              </div>
            )}
          </dl>
          {(query.data.overCeiling || query.data.nearCeiling) && (
            <InlineAlert status="warning" mt="m">
              <Paragraph>{query.data.overCeiling ? t('fees.earnings.over') : t('fees.earnings.near')}</Paragraph>
            </InlineAlert>
          )}
        </>
      )}
    </section>
  );
}

function Statements() {
  const { t } = useTranslation();
  const query = useStatements();
  return (
    <section aria-labelledby="fees-statements-heading" className="section">
      <Heading variant="h2" id="fees-statements-heading" mb="s">
        {t('fees.statements.heading')}
      </Heading>
      <Loaded query={query} empty={t('fees.statements.empty')} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <ul className="card-list">
            {list.map((s) => (
              <StatementItem key={s.id} statement={s} />
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

function StatementItem({ statement }: { statement: Statement }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const announce = useAnnounce();
  const date = formatDate(language, statement.createdAt);
  const download = useMutation({
    mutationFn: () => fetchStatement(statement.id),
    onSuccess: (blob) => {
      saveBlob(blob, statement.fileName);
      announce(t('fees.statements.downloaded'));
    },
  });
  return (
    <li>
      <Paragraph>
        <strong>{t('fees.statements.name', { date })}</strong>
      </Paragraph>
      <Paragraph mb="s">{statement.fileName}</Paragraph>
      <Button
        variant="secondary"
        aria-label={t('fees.statements.downloadNamed', { date })}
        aria-disabled={download.isPending}
        loading={download.isPending || undefined}
        ariaLoadingText={t('forms.sending')}
        onClick={() => !download.isPending && download.mutate()}
      >
        {t('fees.statements.download')}
      </Button>
      {download.isError && <ProblemNotice error={download.error} />}
    </li>
  );
}

function Lines() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const query = usePaidLines();
  return (
    <section aria-labelledby="fees-lines-heading" className="section">
      <Heading variant="h2" id="fees-lines-heading" mb="s">
        {t('fees.lines.heading')}
      </Heading>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty text={t('fees.lines.empty')} />
      ) : (
        <ul className="card-list">
          {query.data.items.map((line) => (
            <li key={line.id}>
              <Heading variant="h3" mb="xxs">
                {t('fees.lines.paidOn', { date: formatDate(language, line.paidAt) })}
              </Heading>
              <Paragraph>
                {t('fees.lines.work', { date: formatDate(language, `${line.workDate}T12:00:00Z`) })}
              </Paragraph>
              {line.payeeKind !== 'expert' && <Paragraph>{t('fees.lines.payee', { name: line.payeeName })}</Paragraph>}
              <dl className="facts">
                <div>
                  <dt>{t('fees.lines.fee')}</dt>
                  <dd>{formatCents(language, line.grossFeeCents)}</dd>
                </div>
                <div>
                  <dt>{t('fees.lines.travel')}</dt>
                  <dd>{formatCents(language, line.travelAndCostsCents)}</dd>
                </div>
                <div>
                  <dt>{t('fees.lines.withholding')}</dt>
                  <dd>{formatCents(language, line.withholdingCents)}</dd>
                </div>
                <div>
                  <dt>{t('fees.lines.net')}</dt>
                  <dd>{formatCents(language, line.netCents)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
