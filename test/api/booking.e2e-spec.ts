// Booking: orders and their matching, offers and assignments, time changes, work done, feedback, the calendar feed,
// no-shows and the coordinator's Today.
// The API specs of one area in one Jest file, so that they share one load of the app's modules (README, "What
// `npm test` needs"). One of them alone: `npx jest test/api/<area> -t '<its describe title>'`.
import './booking/assignment-work';
import './booking/booking';
import './booking/booking-authorization';
import './booking/calendar-feed';
import './booking/coordinator-today';
import './booking/feedback';
import './booking/matching-context';
import './booking/no-shows';
import './booking/orders';
import './booking/privacy-review';
import './booking/time-change';
