import { csvLine, csvRecords } from './payroll-csv.util';

// For accounting: what each unit and project spent in the run. Same CSV conventions as the payroll file
// (amounts in cents, written as euros).
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
  const records = rows.map((r): Record<(typeof SUMMARY_COLUMNS)[number], string | number> => ({
    cost_centre: r.costCentre,
    organisation_code: r.organisationCode,
    organisation_name_fi: r.organisationNameFi,
    organisation_name_sv: r.organisationNameSv,
    claims: String(r.lines),
    hours_reported: (r.minutes / 60).toFixed(2),
    gross_fees: r.grossFeeCents,
    travel_and_costs: r.travelAndCostsCents,
    total_cost: r.grossFeeCents + r.travelAndCostsCents,
    withholding: r.withholdingCents,
    net_paid: r.netCents,
  }));
  return csvLine([...SUMMARY_COLUMNS]) + csvRecords(SUMMARY_COLUMNS, records);
}
