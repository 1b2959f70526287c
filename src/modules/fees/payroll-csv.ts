// The payroll export: one CSV row per fee run line. RFC 4180 (comma separated, CRLF, double quotes where
// needed), UTF-8 without BOM, a header row; euro amounts with a dot and two decimals, never negative.
// The columns, in order, are documented here and served in the API description of the download.

export const PAYROLL_COLUMNS: readonly { name: string; description: string }[] = [
  { name: 'run_id', description: 'Fee run id' },
  { name: 'line_id', description: 'Fee run line id (one per claim)' },
  { name: 'claim_id', description: 'The claim paid by this line' },
  { name: 'payee_type', description: 'expert | association (the fee goes to the association, which invoices it) | declined (volunteer: no fee, travel and costs only)' },
  { name: 'payee_name', description: 'Name of the expert or the association' },
  { name: 'payee_business_id', description: 'Business ID (Y-tunnus) of the association; empty otherwise' },
  { name: 'iban', description: 'Account to pay to, in the clear: this file is the only place it appears' },
  { name: 'expert_id', description: 'The expert who did the work' },
  { name: 'expert_name', description: 'The expert’s name' },
  { name: 'work_date', description: 'Day of the work, YYYY-MM-DD (Europe/Helsinki)' },
  { name: 'task_type', description: 'Task type of the assignment' },
  { name: 'income_type', description: 'Incomes Register income type of the fee, not paid in an employment relationship: 210 meeting fee, 214 lecture fee' },
  { name: 'hours', description: 'Billable hours: work and preparation in started quarter hours' },
  { name: 'gross_fee', description: 'Fee before withholding, EUR' },
  { name: 'tax_percent', description: 'Withholding percentage applied to the fee (60.00 without a tax card for the year); empty when nothing is withheld by rule (association, declined)' },
  { name: 'withholding', description: 'Tax withheld from the fee, EUR' },
  { name: 'car_travel', description: 'Tax-free kilometre allowance for own car, EUR' },
  { name: 'other_costs', description: 'Public transport, parking and other costs at receipt value, tax-free, EUR' },
  { name: 'travel_and_costs', description: 'car_travel + other_costs, EUR; reported apart from the fee and never withheld' },
  { name: 'net_payable', description: 'gross_fee - withholding + travel_and_costs, EUR: the amount to transfer' },
  { name: 'cost_centre', description: 'Cost centre of the ordering unit or project' },
];

export interface PayrollRow {
  runId: string;
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
  costsCents: number;
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

// A text cell that a spreadsheet could read as a formula is defused with a leading apostrophe.
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function payrollHeader(): string {
  return csvLine(PAYROLL_COLUMNS.map((c) => c.name));
}

export function payrollLine(row: PayrollRow): string {
  const taxPercent = row.payeeKind !== 'expert' ? '' : (row.taxPercent ?? '60.00');
  return csvLine([
    row.runId,
    row.lineId,
    row.claimId,
    row.payeeKind,
    safeText(row.payeeName),
    row.payeeBusinessId ?? '',
    row.iban ?? '',
    row.expertId,
    safeText(row.expertName),
    row.workDate,
    row.taskType,
    row.incomeType,
    hours(row.quarterHours),
    euros(row.grossFeeCents),
    taxPercent,
    euros(row.withholdingCents),
    euros(row.carTravelCents),
    euros(row.costsCents),
    euros(row.travelAndCostsCents),
    euros(row.netCents),
    safeText(row.costCentre),
  ]);
}

export function payrollColumnsDescription(): string {
  return PAYROLL_COLUMNS.map((c, i) => `${i + 1}. \`${c.name}\`: ${c.description}`).join('\n');
}
