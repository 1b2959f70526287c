// Accounts: sign-in and sessions, one's own account, the browser session, user administration and accessibility
// feedback.
// The API specs of one area in one Jest file, so that they share one load of the app's modules (README, "What
// `npm test` needs"). One of them alone: `npx jest test/api/<area> -t '<its describe title>'`.
import './accounts/accessibility-feedback';
import './accounts/account';
import './accounts/auth';
import './accounts/browser-session';
import './accounts/rejected-tokens';
import './accounts/users';
