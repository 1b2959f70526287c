// Fees: claims and their four-eyes approval, late-cancellation claims, fee runs with their progress and payment date,
// and the rates.
// The API specs of one area in one Jest file, so that they share one load of the app's modules (README, "What
// `npm test` needs"). One of them alone: `npx jest test/api/<area> -t '<its describe title>'`.
import './fees/claim-four-eyes';
import './fees/fee-rate-in-use';
import './fees/fee-run-payment-date';
import './fees/fee-run-progress';
import './fees/fees';
import './fees/fees-authorization';
import './fees/late-cancellation-claims';
import './fees/rates-agree';
import './fees/twice-at-once';

// A fee run's progress is followed while its worker computes: long timeouts.
jest.setTimeout(120_000);
