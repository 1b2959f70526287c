import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { Page } from '../../components/page';
import { saveBlob } from '../../components/save-file';
import { BusyButton } from '../../components/busy-button';
import { Section } from '../../components/section';
import { Loaded, ProblemNotice } from '../../components/states';
import { Heading, InlineAlert, Paragraph } from '../../components/suomifi';
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
    <Section
      headingId="fees-earnings-heading"
      heading={query.data ? t('fees.earnings.heading', { year: query.data.year }) : t('fees.earnings.headingPlain')}
    >
      <Loaded query={query}>
        {(earnings) => (
          <>
            <dl className="facts">
              <div>
                <dt>{t('fees.earnings.paid')}</dt>
                <dd>{formatCents(language, earnings.paidFeesCents)}</dd>
              </div>
              <div>
                <dt>{t('fees.earnings.ceiling')}</dt>
                <dd>
                  {earnings.ceilingCents === null || earnings.ceilingCents === undefined
                    ? t('fees.earnings.noCeiling')
                    : formatCents(language, earnings.ceilingCents)}
                </dd>
              </div>
              {typeof earnings.remainingCents === 'number' && (
                <div>
                  <dt>{t('fees.earnings.remaining')}</dt>
                  <dd>{formatCents(language, earnings.remainingCents)}</dd>
                </div>
              )}
            </dl>
            {(earnings.overCeiling || earnings.nearCeiling) && (
              <InlineAlert status="warning" mt="m">
                <Paragraph>{earnings.overCeiling ? t('fees.earnings.over') : t('fees.earnings.near')}</Paragraph>
              </InlineAlert>
            )}
          </>
        )}
      </Loaded>
    </Section>
  );
}

function Statements() {
  const { t } = useTranslation();
  const query = useStatements();
  return (
    <Section headingId="fees-statements-heading" heading={t('fees.statements.heading')}>
      <Loaded query={query} empty={t('fees.statements.empty')}>
        {(statements) => (
          <ul className="card-list">
            {statements.map((s) => (
              <StatementItem key={s.id} statement={s} />
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
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
      <BusyButton
        variant="secondary"
        aria-label={t('fees.statements.downloadNamed', { date })}
        busy={download.isPending}
        onClick={() => download.mutate()}
      >
        {t('fees.statements.download')}
      </BusyButton>
      {download.isError && <ProblemNotice error={download.error} />}
    </li>
  );
}

function Lines() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const query = usePaidLines();
  return (
    <Section headingId="fees-lines-heading" heading={t('fees.lines.heading')}>
      <Loaded query={query} empty={t('fees.lines.empty')} isEmpty={(paid) => paid.items.length === 0}>
        {(paid) => (
          <ul className="card-list">
            {paid.items.map((line) => (
              <li key={line.id}>
                <Heading variant="h3" mb="xxs">
                  {t('fees.lines.paidOn', { date: formatDate(language, line.paidAt) })}
                </Heading>
                <Paragraph>
                  {t('fees.lines.work', { date: formatDate(language, `${line.workDate}T12:00:00Z`) })}
                </Paragraph>
                {line.payeeKind !== 'expert' && (
                  <Paragraph>{t('fees.lines.payee', { name: line.payeeName })}</Paragraph>
                )}
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
      </Loaded>
    </Section>
  );
}
