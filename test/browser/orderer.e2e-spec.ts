// The orderer in the browser: from the invitation to a password, the journey from an order to rated work, and a
// change of its time.
// The browser specs of one person in one Jest file: they share one load of the app's modules, one app and one
// Chromium (sharedWebApp in browser.ts). One of them alone: `npx jest test/browser/<person> -t '<its describe title>'`.
import './orderer/invitation';
import './orderer/journey';
import './orderer/my-orders';
import './orderer/time-change';
