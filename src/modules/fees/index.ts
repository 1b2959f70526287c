// What fees offers other features on purpose (see "Module boundaries" in the README). Their providers come with
// FeePricingModule (FeeRunsService with FeesModule).
// The money rules every price and ceiling check comes from: booking's offers, quotes and late cancellations,
// contracts' documents and the expert's data export price work as fees do.
export { bookedPrice, earningsCeilingCheck, expectedFeeCents } from './money/fee-estimate.rule';
export {
  DEFAULT_FEE_RATES,
  DEFAULT_TRAVEL_RATES,
  lateCancellationFeeCents,
  travelRateFor,
} from './money/fee-arithmetic.rule';
export type { FeeBasis, FeeRate, RateTables, TravelRate } from './money/fee-arithmetic.rule';
// The one read of the rates table.
export { RatesRepository } from './rates/rates.repository';
// The earnings year and ceiling, and the experts' earnings, for reports and the expert's overview.
export { ceilingStatus, helsinkiYear, yearPeriod } from './money/earnings.rule';
export type { Period } from './money/earnings.rule';
export { EarningsRepository } from './my-fees/earnings.repository';
// Whether an expert's fee is paid at all, by the fee run's payee rule (the orderer's cancellation quote).
export { FeePayees } from './claims/fee-payees.service';
// The claim a late cancellation files (booking cancels in the same transaction).
export { LateCancellationClaims } from './claims/late-cancellation-claims.service';
// A claim as loaded with its costs, for the expert's data export.
export type { LoadedClaim } from './claims/claims.repository';
// Contracts turn a missing fee or travel rate into fees' own error codes (FEE_RATE_NOT_FOUND, ...).
export { FeeErrorCode } from './fees.errors';
// The demo's history runs a fee run through the real service.
export { FeeRunsService } from './fee-runs/fee-runs.service';
