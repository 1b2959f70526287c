import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/page';
import { AppLink } from '../../components/router-link';
import { Paragraph } from '../../components/suomifi';
import { formatCents, formatMonth } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { ReportSection } from './report-section';
import { useEarnings, useHours, useNoShows, useSpend, useTopicNames, useUnfilled } from './reports-api';
import { countyYear } from '../../i18n/helsinki-date';
import './reports.css';

// Suomi.fi colours with enough contrast against white, for up to six series.
const COLOURS = ['#2a6ebb', '#00347a', '#e86717', '#09a580', '#8f2fa8', '#5f686d'];
const thisYear = countyYear;
const euros = (cents: number) => Math.round(cents) / 100;

// The coordinator's reports: each a chart with its table and the same numbers as a CSV file.
export function ReportsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear);
  const years = [thisYear(), thisYear() - 1, thisYear() - 2];
  return (
    <Page title={t('reports.title')}>
      <Paragraph mb="m">{t('reports.intro')}</Paragraph>
      <div className="content-narrow">
        <SelectField
          field="report-year"
          label={t('reports.year')}
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </div>
      <Spend year={year} />
      <Hours year={year} />
      <Unfilled year={year} />
      <Earnings year={year} />
      <NoShows year={year} />
    </Page>
  );
}

function useTopicName() {
  const { t, i18n } = useTranslation();
  const topics = useTopicNames();
  return (code: string | null | undefined) => {
    if (!code) return t('reports.noTopic');
    const topic = topics.data?.topics.find((x) => x.code === code);
    if (!topic) return code;
    return i18n.language === 'sv' ? topic.nameSv : i18n.language === 'en' ? topic.nameEn : topic.nameFi;
  };
}

function Spend({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const query = useSpend(year);
  const rows = query.data?.rows ?? [];
  const name = (r: (typeof rows)[number]) => `${r.code} ${language === 'sv' ? r.nameSv : r.nameFi}`;
  const organisations = [...new Set(rows.map(name))];
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const data = months.map((month) => ({
    month: formatMonth(language, month, { short: true }),
    ...Object.fromEntries(rows.filter((r) => r.month === month).map((r) => [name(r), euros(r.totalCents)])),
  }));
  return (
    <ReportSection
      id="spend"
      title={t('reports.spend.title')}
      intro={t('reports.spend.intro')}
      query={query}
      chartLabel={t('reports.spend.chart')}
      columns={[
        { label: t('reports.columns.organisation') },
        { label: t('reports.columns.month') },
        { label: t('reports.columns.claims'), numeric: true },
        { label: t('reports.columns.fees'), numeric: true },
        { label: t('reports.columns.travel'), numeric: true },
        { label: t('reports.columns.total'), numeric: true },
      ]}
      csvHeader={[
        'organisation_code',
        'organisation',
        'month',
        'claims',
        'fees_eur',
        'travel_and_costs_eur',
        'total_eur',
      ]}
      fileName={`spend-${year}.csv`}
      rows={rows.map((r) => ({
        key: `${r.organisationId}-${r.month}`,
        cells: [
          name(r),
          formatMonth(language, r.month),
          r.claims,
          formatCents(language, r.feesCents),
          formatCents(language, r.travelAndCostsCents),
          formatCents(language, r.totalCents),
        ],
        csv: [
          r.code,
          language === 'sv' ? r.nameSv : r.nameFi,
          r.month,
          r.claims,
          (r.feesCents / 100).toFixed(2),
          (r.travelAndCostsCents / 100).toFixed(2),
          (r.totalCents / 100).toFixed(2),
        ],
      }))}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis unit=" €" width={80} />
            <Tooltip formatter={(v) => formatCents(language, Number(v) * 100)} />
            {/* A legend of many units would cover the bars on a phone; the table names them all. */}
            {organisations.length <= 6 && <Legend />}
            {organisations.map((o, i) => (
              <Bar key={o} dataKey={o} stackId="spend" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}

function Hours({ year }: { year: number }) {
  const { t } = useTranslation();
  const topicName = useTopicName();
  const query = useHours(year);
  const rows = query.data?.rows ?? [];
  const byTask = [...new Set(rows.map((r) => r.taskType))].map((taskType) => ({
    task: t(`taskTypes.${taskType}`),
    hours: rows.filter((r) => r.taskType === taskType).reduce((s, r) => s + r.hours, 0),
  }));
  return (
    <ReportSection
      id="hours"
      title={t('reports.hours.title')}
      intro={t('reports.hours.intro')}
      query={query}
      chartLabel={t('reports.hours.chart')}
      columns={[
        { label: t('reports.columns.taskType') },
        { label: t('reports.columns.topic') },
        { label: t('reports.columns.claims'), numeric: true },
        { label: t('reports.columns.hours'), numeric: true },
      ]}
      csvHeader={['task_type', 'topic', 'claims', 'hours']}
      fileName={`hours-${year}.csv`}
      rows={rows.map((r) => ({
        key: `${r.taskType}-${r.topic ?? ''}`,
        cells: [t(`taskTypes.${r.taskType}`), topicName(r.topic), r.claims, r.hours.toLocaleString()],
        csv: [r.taskType, r.topic ?? '', r.claims, r.hours.toFixed(2)],
      }))}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={byTask} layout="vertical" accessibilityLayer={false} margin={{ left: 16, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" />
            <YAxis type="category" dataKey="task" width={160} />
            <Tooltip />
            <Bar dataKey="hours" name={t('reports.columns.hours')} fill={COLOURS[0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}

function Unfilled({ year }: { year: number }) {
  const { t } = useTranslation();
  const topicName = useTopicName();
  const query = useUnfilled(year);
  const rows = query.data?.rows ?? [];
  const data = rows.map((r) => ({ label: `${topicName(r.topic)} (${r.language})`, missing: r.missingExperts }));
  return (
    <ReportSection
      id="unfilled"
      title={t('reports.unfilled.title')}
      intro={t('reports.unfilled.intro')}
      query={query}
      chartLabel={t('reports.unfilled.chart')}
      columns={[
        { label: t('reports.columns.topic') },
        { label: t('reports.columns.language') },
        { label: t('reports.columns.requests'), numeric: true },
        { label: t('reports.columns.missing'), numeric: true },
      ]}
      csvHeader={['topic', 'language', 'requests', 'missing_experts']}
      fileName={`unmet-demand-${year}.csv`}
      rows={rows.map((r) => ({
        key: `${r.topic ?? ''}-${r.language}`,
        cells: [topicName(r.topic), r.language, r.requests, r.missingExperts],
        csv: [r.topic ?? '', r.language, r.requests, r.missingExperts],
      }))}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ left: 16, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={160} />
            <Tooltip />
            <Bar dataKey="missing" name={t('reports.columns.missing')} fill={COLOURS[2]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}

function Earnings({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const query = useEarnings(year);
  const rows = query.data?.rows ?? [];
  const data = rows.slice(0, 15).map((r) => ({
    name: r.name,
    paid: euros(r.paidFeesCents),
    ceiling: r.ceilingCents === null || r.ceilingCents === undefined ? 0 : euros(r.ceilingCents),
  }));
  const state = (r: (typeof rows)[number]) =>
    r.overCeiling ? t('reports.earnings.over') : r.nearCeiling ? t('reports.earnings.near') : '';
  return (
    <ReportSection
      id="earnings"
      title={t('reports.earnings.title')}
      intro={t('reports.earnings.intro')}
      query={query}
      chartLabel={t('reports.earnings.chart')}
      chartBars={data.length}
      columns={[
        { label: t('reports.columns.expert') },
        { label: t('reports.columns.paid'), numeric: true },
        { label: t('reports.columns.ceiling'), numeric: true },
        { label: t('reports.columns.remaining'), numeric: true },
        { label: t('reports.columns.state') },
      ]}
      csvHeader={['expert_id', 'name', 'paid_fees_eur', 'ceiling_eur', 'remaining_eur', 'near_ceiling', 'over_ceiling']}
      fileName={`earnings-${year}.csv`}
      rows={rows.map((r) => ({
        key: r.expertId,
        cells: [
          r.name,
          formatCents(language, r.paidFeesCents),
          (r.ceilingCents ?? null) === null ? '–' : formatCents(language, r.ceilingCents!),
          (r.remainingCents ?? null) === null ? '–' : formatCents(language, r.remainingCents!),
          state(r),
        ],
        csv: [
          r.expertId,
          r.name,
          (r.paidFeesCents / 100).toFixed(2),
          (r.ceilingCents ?? null) === null ? '' : (r.ceilingCents! / 100).toFixed(2),
          (r.remainingCents ?? null) === null ? '' : (r.remainingCents! / 100).toFixed(2),
          String(r.nearCeiling),
          String(r.overCeiling),
        ],
      }))}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          {/* Bars across, a name on each row: at 200 % zoom or on a phone every name still has room. */}
          <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ left: 16, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" unit=" €" />
            <YAxis type="category" dataKey="name" width={160} interval={0} />
            <Tooltip formatter={(v) => formatCents(language, Number(v) * 100)} />
            <Legend />
            <Bar dataKey="paid" name={t('reports.columns.paid')} fill={COLOURS[0]} isAnimationActive={false} />
            <Bar dataKey="ceiling" name={t('reports.columns.ceiling')} fill={COLOURS[5]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}

function NoShows({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const query = useNoShows(year);
  const rows = query.data?.rows ?? [];
  const name = (r: (typeof rows)[number]) => `${r.code} ${language === 'sv' ? r.nameSv : r.nameFi}`;
  const organisations = [...new Set(rows.map(name))];
  const months = [...new Set(rows.map((r) => r.month))].sort();
  // Per month, each unit's no-shows summed over its experts: the table has them per expert.
  const data = months.map((month) => {
    const point: Record<string, string | number> = { month: formatMonth(language, month, { short: true }) };
    for (const r of rows.filter((x) => x.month === month)) point[name(r)] = Number(point[name(r)] ?? 0) + r.noShows;
    return point;
  });
  return (
    <ReportSection
      id="no-shows"
      title={t('reports.noShows.title')}
      intro={t('reports.noShows.intro')}
      query={query}
      chartLabel={t('reports.noShows.chart')}
      columns={[
        { label: t('reports.columns.month') },
        { label: t('reports.columns.organisation') },
        { label: t('reports.columns.expert') },
        { label: t('reports.columns.noShows'), numeric: true },
      ]}
      csvHeader={['month', 'organisation_code', 'organisation', 'expert_id', 'expert', 'no_shows']}
      fileName={`no-shows-${year}.csv`}
      rows={rows.map((r) => ({
        key: `${r.month}-${r.organisationId}-${r.expertId}`,
        cells: [
          formatMonth(language, r.month),
          name(r),
          <AppLink key="expert" to={`/coordinator/experts/${r.expertId}`}>
            {r.expertName}
          </AppLink>,
          r.noShows,
        ],
        csv: [r.month, r.code, language === 'sv' ? r.nameSv : r.nameFi, r.expertId, r.expertName, r.noShows],
      }))}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis allowDecimals={false} width={48} />
            <Tooltip />
            {organisations.length <= 6 && <Legend />}
            {organisations.map((o, i) => (
              <Bar
                key={o}
                dataKey={o}
                stackId="no-shows"
                fill={COLOURS[i % COLOURS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}
