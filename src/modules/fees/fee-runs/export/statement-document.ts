// Everything a payee's statement shows, already resolved: the renderer reads nothing else, so the same
// StatementDocument always gives the same bytes. Plain strings, no enums.

import type { TaskType } from '../../../../common/domain/task-type';
import type { Language } from '../../../../common/i18n/language';

export type StatementLanguage = `${Language}`;

export type StatementTaskType = `${TaskType}`;

export interface StatementLine {
  workDate: string; // YYYY-MM-DD
  title: string;
  taskType: StatementTaskType;
  incomeType: string; // 210 | 214
  quarterHours: number;
  grossFeeCents: number;
  travelAndCostsCents: number;
  withholdingCents: number;
  netCents: number;
}

export interface StatementDocument {
  language: StatementLanguage;
  runReference: string; // e.g. the run id's first block
  issuedAt: string; // ISO instant: the export
  paymentDate: string; // YYYY-MM-DD: the run's planned payment day
  expertName: string;
  payee: { kind: 'expert' | 'association' | 'declined'; name: string; businessId?: string | null };
  // The tax card percentage applied (as printed: "12.50"); null when none was on file (60 %).
  taxPercent: string | null;
  lines: StatementLine[];
}

export interface StatementTotals {
  quarterHours: number;
  grossFeeCents: number;
  travelAndCostsCents: number;
  withholdingCents: number;
  netCents: number;
}

export function statementTotals(lines: StatementLine[]): StatementTotals {
  return lines.reduce(
    (t, l) => ({
      quarterHours: t.quarterHours + l.quarterHours,
      grossFeeCents: t.grossFeeCents + l.grossFeeCents,
      travelAndCostsCents: t.travelAndCostsCents + l.travelAndCostsCents,
      withholdingCents: t.withholdingCents + l.withholdingCents,
      netCents: t.netCents + l.netCents,
    }),
    { quarterHours: 0, grossFeeCents: 0, travelAndCostsCents: 0, withholdingCents: 0, netCents: 0 },
  );
}
