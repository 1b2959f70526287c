// The middle tier (test/medium/, see medium-app.ts): services with their real repositories on the real PostgreSQL, no
// HTTP. One Jest file, so that the specs share one load of the app's modules (README, "What `npm test` needs"). One
// of them alone: `npx jest test/medium.medium-spec.ts -t '<its top describe title>'`.
import './medium/acceptance';
import './medium/account';
import './medium/auth';
import './medium/availability-overlaps';
import './medium/availability-rules';
import './medium/booking-transitions';
import './medium/calendar-feed';
import './medium/contract-lifecycle';
import './medium/credentials';
import './medium/expert-states';
import './medium/feedback';
import './medium/fee-run-payees';
import './medium/fees-claims';
import './medium/organisations';
import './medium/rejected-tokens';
import './medium/time-changes';
import './medium/user-accounts';
