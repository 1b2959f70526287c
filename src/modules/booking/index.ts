// What booking offers other features on purpose (see "Module boundaries" in the README), with BookingModule.
// Who may see an assignment is one rule (PRODUCT §1), booking's, and a missing or settled assignment is refused with
// booking's own errors (ASSIGNMENT_NOT_FOUND, ...): contracts, fees' claims and the coordinator's day use them
// (contracts and fees as exceptions to the feature order, listed in .dependency-cruiser.cjs).
export { assignmentAccess } from './assignment-access.rule';
export { BookingErrors } from './booking.errors';
// The demo's history books through the real services.
export { AssignmentsService } from './assignments/assignments.service';
export { OffersService } from './offers/offers.service';
export { MatchingService } from './matching/matching.service';
