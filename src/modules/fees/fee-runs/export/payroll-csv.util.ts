import { Options, stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS, csvRows } from '../../../../common/csv/csv';

// The payroll export: for each fee run line (one claim), a CSV row for the fee and rows of their own for the
// kilometre allowance, public transport, parking and other costs (PRODUCT §5: travel costs on separate lines). RFC 4180 (comma
// separated, CRLF, double quotes where needed), UTF-8 without BOM, a header row; euro amounts with a dot and
// two decimals, never negative. The columns, in order, are documented here and served in the API description
// of the download.

export enum PayrollLineKind {
  Fee = 'fee',
  CarTravel = 'car_travel',
  PublicTransport = 'public_transport',
  Parking = 'parking',
  OtherCosts = 'other_costs',
}

export const PAYROLL_COLUMNS = [
  { name: 'run_id', description: 'Fee run id' },
  { name: 'line_id', description: 'Fee run line id (one per claim; the rows of one claim share it)' },
  { name: 'claim_id', description: 'The claim paid by this row' },
  {
    name: 'line_kind',
    description:
      'What the row pays: fee (the experience fee, income type in income_type, withholding per tax card) | car_travel (tax-free kilometre allowance for own car) | public_transport (tickets at receipt value, tax-free) | parking (at receipt value, tax-free) | other_costs (other costs at receipt value, tax-free). A claim has a fee row (none for a volunteer who declined the fee, unless the claim has nothing else), and a car_travel, a public_transport, a parking and an other_costs row when each is above zero, in that order',
  },
  {
    name: 'payee_type',
    description:
      'expert | association (the fee goes to the association, which invoices it) | declined (volunteer: no fee, travel and costs only)',
  },
  { name: 'payee_name', description: 'Name of the expert or the association' },
  { name: 'payee_business_id', description: 'Business ID (Y-tunnus) of the association; empty otherwise' },
  { name: 'iban', description: 'Account to pay to, in the clear: this file is the only place it appears' },
  { name: 'expert_id', description: 'The expert who did the work' },
  { name: 'expert_name', description: 'The expert’s name' },
  { name: 'work_date', description: 'Day of the work, YYYY-MM-DD (Europe/Helsinki)' },
  { name: 'task_type', description: 'Task type of the assignment' },
  {
    name: 'income_type',
    description:
      'fee rows: Incomes Register income type of the fee, not paid in an employment relationship: 210 meeting fee, 214 lecture fee; empty on travel and cost rows',
  },
  {
    name: 'hours',
    description:
      'fee rows: billable hours, work and preparation in started quarter hours; empty on travel and cost rows',
  },
  { name: 'amount', description: 'The row’s amount before withholding, EUR: the fee, or the tax-free reimbursement' },
  {
    name: 'tax_percent',
    description:
      'fee rows: withholding percentage applied (60.00 without a tax card for the year); empty when nothing is withheld by rule (association, declined) and on travel and cost rows',
  },
  { name: 'withholding', description: 'Tax withheld, EUR: from the fee only, 0.00 on travel and cost rows' },
  { name: 'net_payable', description: 'amount - withholding, EUR: the amount to transfer for this row' },
  { name: 'cost_centre', description: 'Cost centre of the ordering unit or project' },
  // Added last, so that the columns before it keep their places in an import set up by position.
  {
    name: 'payment_date',
    description:
      'The run’s planned payment day, YYYY-MM-DD (Europe/Helsinki): the Incomes Register’s payment date; tax is withheld by the tax card of its year',
  },
] as const satisfies readonly { name: string; description: string }[];

export interface PayrollRow {
  runId: string;
  paymentDate: string;
  lineId: string;
  claimId: string;
  payeeKind: 'expert' | 'association' | 'declined';
  payeeName: string;
  payeeBusinessId: string | null;
  iban: string | null;
  expertId: string;
  expertName: string;
  workDate: string;
  taskType: string;
  incomeType: string;
  quarterHours: number;
  grossFeeCents: number;
  taxPercent: string | null;
  withholdingCents: number;
  carTravelCents: number;
  publicTransportCents: number;
  parkingCents: number;
  otherCostsCents: number;
  travelAndCostsCents: number;
  netCents: number;
  costCentre: string;
}

export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function hours(quarterHours: number): string {
  return (quarterHours / 4).toFixed(2);
}

// Kokemus CSV files (see CSV_OPTIONS), with amounts given as cents (numbers) and written as euros: a number is
// never defused as a formula (amounts are never negative, but one must not turn into text).
const FEE_CSV_OPTIONS: Readonly<Options> = { ...CSV_OPTIONS, cast: { number: (cents) => euros(cents) } };

// One cell, quoted where needed (no formula defusing, no line end).
export function csvCell(value: string): string {
  return stringify([[value]], { ...FEE_CSV_OPTIONS, escape_formulas: false, eof: false });
}

export function csvLine(cells: string[]): string {
  return csvRows([cells], FEE_CSV_OPTIONS);
}

// Records with a value for every column, as rows in the columns' order.
export function csvRecords<C extends string>(columns: readonly C[], records: Record<C, string | number>[]): string {
  return csvRows(
    records.map((record) => columns.map((column) => record[column])),
    FEE_CSV_OPTIONS,
  );
}

const PAYROLL_COLUMN_NAMES = PAYROLL_COLUMNS.map((c) => c.name);
type PayrollRecord = Record<(typeof PAYROLL_COLUMNS)[number]['name'], string | number>;

export function payrollHeader(): string {
  return csvLine(PAYROLL_COLUMN_NAMES);
}

// The rows of one fee run line: their amounts add up to the line's fee, travel and costs, withholding and net.
export function payrollLines(row: PayrollRow): string {
  const common = (kind: PayrollLineKind) => ({
    run_id: row.runId,
    line_id: row.lineId,
    claim_id: row.claimId,
    line_kind: kind,
    payee_type: row.payeeKind,
    payee_name: row.payeeName,
    payee_business_id: row.payeeBusinessId ?? '',
    iban: row.iban ?? '',
    expert_id: row.expertId,
    expert_name: row.expertName,
    work_date: row.workDate,
    task_type: row.taskType,
    cost_centre: row.costCentre,
    payment_date: row.paymentDate,
  });
  const reimbursement = (kind: PayrollLineKind, cents: number): PayrollRecord => ({
    ...common(kind),
    income_type: '',
    hours: '',
    amount: cents,
    tax_percent: '',
    withholding: 0,
    net_payable: cents,
  });
  const records: PayrollRecord[] = [];
  if (row.payeeKind !== 'declined' || row.travelAndCostsCents === 0) {
    records.push({
      ...common(PayrollLineKind.Fee),
      income_type: row.incomeType,
      hours: hours(row.quarterHours),
      amount: row.grossFeeCents,
      tax_percent: row.payeeKind !== 'expert' ? '' : (row.taxPercent ?? '60.00'),
      withholding: row.withholdingCents,
      net_payable: row.grossFeeCents - row.withholdingCents,
    });
  }
  if (row.carTravelCents > 0) records.push(reimbursement(PayrollLineKind.CarTravel, row.carTravelCents));
  for (const [kind, cents] of [
    [PayrollLineKind.PublicTransport, row.publicTransportCents],
    [PayrollLineKind.Parking, row.parkingCents],
    [PayrollLineKind.OtherCosts, row.otherCostsCents],
  ] as const) {
    if (cents > 0) records.push(reimbursement(kind, cents));
  }
  return csvRecords(PAYROLL_COLUMN_NAMES, records);
}

export function payrollColumnsDescription(): string {
  return PAYROLL_COLUMNS.map((c, i) => `${i + 1}. \`${c.name}\`: ${c.description}`).join('\n');
}
