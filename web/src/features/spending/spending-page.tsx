import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, call } from '../../api/client';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/page';
import { Empty, Loading, ReadFailure } from '../../components/states';
import { Heading, Paragraph } from '../../components/suomifi';
import { formatCents, formatMonth } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { countyYear } from '../../i18n/helsinki-date';
import './spending.css';

// Colours that keep 3:1 against white and apart from each other (WCAG 1.4.11); the table below tells the same.
const COLOURS = ['#2a6ebb', '#b34700', '#1e7a3c', '#7a3d9c', '#a3264f', '#4d5b66'];

function useSpend(year: number) {
  return useQuery({
    queryKey: ['reports', 'spend', year],
    queryFn: () => call(api.GET('/api/reports/spend', { params: { query: { year } } })),
  });
}

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

export function SpendingPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const thisYear = countyYear();
  const [year, setYear] = useState(thisYear);
  const spend = useSpend(year);
  const rows = spend.data?.rows ?? [];
  const organisations = [
    ...new Map(
      rows.map((r) => [
        r.organisationId,
        { id: r.organisationId, name: language === 'sv' ? r.nameSv : r.nameFi, code: r.code },
      ]),
    ).values(),
  ];
  const months = monthsOf(year);
  const data = months.map((month) => ({
    month: formatMonth(language, month, { year: false, short: true }),
    ...Object.fromEntries(
      organisations.map((o) => [
        o.id,
        (rows.find((r) => r.month === month && r.organisationId === o.id)?.totalCents ?? 0) / 100,
      ]),
    ),
  }));
  const total = rows.reduce((sum, r) => sum + r.totalCents, 0);
  return (
    <Page title={t('orders.spending.title')}>
      <Paragraph mb="m">{t('orders.spending.intro')}</Paragraph>
      <SelectField
        field="spending-year"
        label={t('orders.spending.year')}
        value={String(year)}
        onChange={(v) => setYear(Number(v))}
        options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: String(y) }))}
      />
      {spend.isPending && <Loading />}
      <ReadFailure query={spend} />
      {spend.data && rows.length === 0 && <Empty text={t('orders.spending.empty', { year })} />}
      {spend.data && rows.length > 0 && (
        <>
          <Paragraph mb="m">{t('orders.spending.total', { year, total: formatCents(language, total) })}</Paragraph>
          <figure className="spending-chart" aria-labelledby="spending-chart-caption">
            <figcaption id="spending-chart-caption">{t('orders.spending.chartCaption', { year })}</figcaption>
            <div className="spending-chart__plot">
              <ResponsiveContainer width="100%" height={320}>
                <BarChart
                  data={data}
                  title={t('orders.spending.chartCaption', { year })}
                  desc={t('orders.spending.chartDesc')}
                  margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" />
                  <YAxis
                    tickFormatter={(v: number) => formatCents(language, v * 100).replace(/[,.]00/, '')}
                    width={80}
                  />
                  <Tooltip formatter={(v) => formatCents(language, Number(v) * 100)} />
                  <Legend />
                  {organisations.map((o, i) => (
                    <Bar
                      key={o.id}
                      dataKey={o.id}
                      name={o.name}
                      stackId="spend"
                      fill={COLOURS[i % COLOURS.length]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </figure>
          <Heading variant="h2" mb="s" id="spending-table-heading">
            {t('orders.spending.tableHeading')}
          </Heading>
          <div className="spending-table__scroll" role="region" aria-labelledby="spending-table-heading" tabIndex={0}>
            <table className="spending-table">
              <thead>
                <tr>
                  <th scope="col">{t('orders.spending.month')}</th>
                  <th scope="col">{t('orders.spending.organisation')}</th>
                  <th scope="col">{t('orders.spending.claims')}</th>
                  <th scope="col">{t('orders.spending.fees')}</th>
                  <th scope="col">{t('orders.spending.travel')}</th>
                  <th scope="col">{t('orders.spending.sum')}</th>
                </tr>
              </thead>
              <tbody>
                {[...rows]
                  .sort((a, b) => a.month.localeCompare(b.month) || a.code.localeCompare(b.code))
                  .map((r) => (
                    <tr key={`${r.month}-${r.organisationId}`}>
                      <th scope="row">{formatMonth(language, r.month, { year: false })}</th>
                      <td>{language === 'sv' ? r.nameSv : r.nameFi}</td>
                      <td className="num">{r.claims}</td>
                      <td className="num">{formatCents(language, r.feesCents)}</td>
                      <td className="num">{formatCents(language, r.travelAndCostsCents)}</td>
                      <td className="num">{formatCents(language, r.totalCents)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
