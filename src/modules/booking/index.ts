// What booking offers other features on purpose (see "Module boundaries" in the README), with BookingModule: the
// demo's history books through the real services.
export { AssignmentsService } from './assignments/assignments.service';
export { OffersService } from './offers/offers.service';
export { MatchingService } from './matching/matching.service';
