// The admin in the browser: units, projects and people, the coordinator's fee run and the admin's tools.
// The browser specs of one person in one Jest file: they share one load of the app's modules, one app and one
// Chromium (sharedWebApp in browser.ts). One of them alone: `npx jest test/browser/<person> -t '<its describe title>'`.
import './admin/journey';
import './admin/organisations';
