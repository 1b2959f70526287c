// The application as a whole: its build and API document, the generated client, the web app it serves, the machine's
// services, migrations, the CLI, the demo seed and the whole journey over HTTP.
// The API specs of one area in one Jest file, so that they share one load of the app's modules (README, "What
// `npm test` needs"). One of them alone: `npx jest test/api/<area> -t '<its describe title>'`.
import './app/api-client';
import './app/cli';
import './app/demo-seed';
import './app/docker-compose';
import './app/journey';
import './app/limits-documented';
import './app/machine-services';
import './app/migrations';
import './app/openapi';
import './app/well-formed-probe';
import './app/queue-away';
import './app/routes-declared';
import './app/web-app';

// The CLI builds the app and runs beside a live API; the demo seed migrates a database of its own: long timeouts.
jest.setTimeout(180_000);
