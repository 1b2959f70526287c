// Experts: applications and profiles, training credentials, the expert's home and data export, the coordinator's
// view of experts, and availability.
// The API specs of one area in one Jest file, so that they share one load of the app's modules (README, "What
// `npm test` needs"). One of them alone: `npx jest test/api/<area> -t '<its describe title>'`.
import './experts/availability';
import './experts/availability-authorization';
import './experts/coordinator-experts';
import './experts/credentials';
import './experts/expert-data-export';
import './experts/expert-home';
import './experts/expert-open-work';
import './experts/experts';
import './experts/experts-authorization';
