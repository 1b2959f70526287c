// The expert in the browser: their own screens, offers, assignments and contracts, claims and paid fees, and the
// whole journey from the invitation to a paid fee.
// The browser specs of one person in one Jest file: they share one load of the app's modules, one app and one
// Chromium (sharedWebApp in browser.ts). One of them alone: `npx jest test/browser/<person> -t '<its describe title>'`.
import './expert/claims';
import './expert/journey';
import './expert/own-screens';
import './expert/work';
