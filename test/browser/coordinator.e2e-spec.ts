// The coordinator in the browser: the working day, four eyes on claims and draft contracts, no-shows in Today and
// Reports, decisions after a failure.
// The browser specs of one person in one Jest file: they share one load of the app's modules, one app and one
// Chromium (sharedWebApp in browser.ts). One of them alone: `npx jest test/browser/<person> -t '<its describe title>'`.
import './coordinator/after-failures';
import './coordinator/ceiling-booking';
import './coordinator/four-eyes';
import './coordinator/journey';
import './coordinator/matching-funnel';
import './coordinator/no-shows';
import './coordinator/retiring';
