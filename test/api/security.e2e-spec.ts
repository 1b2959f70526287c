// Across features: the authorization table of every route, hostile input, secret columns, the audit trail and the
// privacy retention rules.
// The API specs of one area in one Jest file, so that they share one load of the app's modules (README, "What
// `npm test` needs"). One of them alone: `npx jest test/api/<area> -t '<its describe title>'`.
import './security/audit-events';
import './security/authorization';
import './security/bad-input';
import './security/bad-input.property';
import './security/erasure-scan';
import './security/privacy-retention';
import './security/secret-columns';
