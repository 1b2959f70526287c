import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import { saveBlob } from '../../components/save-file';
import { Empty, LoadError, Loading, RefreshFailed } from '../../components/states';
import { failedToLoad } from '../../components/query-state';
import { Button, Heading, Paragraph } from '../../components/suomifi';
import { TableRegion } from '../../components/table-region';
import { toCsv } from './reports-api';

interface Column {
  label: string;
  numeric?: boolean;
}

interface ReportSectionProps {
  id: string;
  title: string;
  intro: string;
  query: UseQueryResult<unknown>;
  columns: Column[];
  // The table's cells as shown, and the same numbers plain for the CSV.
  rows: { key: string; cells: ReactNode[]; csv: (string | number)[] }[];
  csvHeader: string[];
  fileName: string;
  chart: ReactNode;
  chartLabel: string;
  // A chart with a bar for each of these (a name on each): it grows with them, so that no name is left out.
  chartBars?: number;
}

// A report: a chart for the eye, and beside it the table with every number and the same numbers as a CSV file.
// The chart is a picture with a name; the table is what a screen reader reads.
export function ReportSection({
  id,
  title,
  intro,
  query,
  columns,
  rows,
  csvHeader,
  fileName,
  chart,
  chartLabel,
  chartBars,
}: ReportSectionProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const download = () => {
    saveBlob(
      toCsv(
        csvHeader,
        rows.map((r) => r.csv),
      ),
      fileName,
    );
    announce(t('reports.downloaded', { name: fileName }));
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="section report">
      <Heading variant="h2" id={`${id}-heading`} mb="s">
        {title}
      </Heading>
      <Paragraph mb="s">{intro}</Paragraph>
      <RefreshFailed query={query} />
      {query.isPending ? (
        <Loading />
      ) : failedToLoad(query) ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <Empty text={t('reports.empty')} />
      ) : (
        <>
          <div
            className="report__chart"
            role="img"
            aria-label={chartLabel}
            style={chartBars ? { height: `max(18rem, ${chartBars * 3 + 5}rem)` } : undefined}
          >
            {chart}
          </div>
          <div className="actions">
            <Button variant="secondary" aria-label={t('reports.downloadNamed', { name: title })} onClick={download}>
              {t('reports.download')}
            </Button>
          </div>
          <TableRegion caption={t('reports.tableOf', { name: title })}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((cell, i) => (
                    <td key={i} className={columns[i]?.numeric ? 'num' : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </TableRegion>
        </>
      )}
    </section>
  );
}
