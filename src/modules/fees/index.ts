// What fees offers other features on purpose (see "Module boundaries" in the README): the money rules every price
// and ceiling check comes from, the one read of the rates table, the claim a late cancellation files, a claim as
// loaded with its costs (the expert's data export), the experts' earnings, and the fee run service the demo's
// history runs. Their providers come with FeePricingModule (FeeRunsService with FeesModule).
export * from './money/claim-pricing.rule';
export * from './money/earnings.rule';
export * from './money/fee-arithmetic.rule';
export * from './money/fee-estimate.rule';
export { LateCancellationClaims } from './claims/late-cancellation-claims.service';
export { FeeRunsService } from './fee-runs/fee-runs.service';
export type { LoadedClaim } from './claims/claims.repository';
export { EarningsRepository } from './my-fees/earnings.repository';
export type { EarningsRow } from './my-fees/earnings.repository';
export { RatesRepository } from './rates/rates.repository';
