import { csvLine, euros, safeText } from './payroll-csv';

// For accounting: what each unit and project spent in the run. Same CSV conventions as the payroll file.
export interface CostCentreRow {
  costCentre: string;
  organisationCode: string;
  organisationNameFi: string;
  organisationNameSv: string;
  lines: number;
  minutes: number;
  grossFeeCents: number;
  travelAndCostsCents: number;
  withholdingCents: number;
  netCents: number;
}

export const SUMMARY_COLUMNS = [
  'cost_centre',
  'organisation_code',
  'organisation_name_fi',
  'organisation_name_sv',
  'claims',
  'hours_reported',
  'gross_fees',
  'travel_and_costs',
  'total_cost',
  'withholding',
  'net_paid',
] as const;

export function costCentreSummaryCsv(rows: CostCentreRow[]): string {
  const body = rows.map((r) =>
    csvLine([
      safeText(r.costCentre),
      safeText(r.organisationCode),
      safeText(r.organisationNameFi),
      safeText(r.organisationNameSv),
      String(r.lines),
      (r.minutes / 60).toFixed(2),
      euros(r.grossFeeCents),
      euros(r.travelAndCostsCents),
      euros(r.grossFeeCents + r.travelAndCostsCents),
      euros(r.withholdingCents),
      euros(r.netCents),
    ]),
  );
  return csvLine([...SUMMARY_COLUMNS]) + body.join('');
}
