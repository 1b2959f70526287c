import { DomainError } from '../../common/errors/domain-error';

export const BookingErrors = {
  requestNotFound: () => new DomainError('REQUEST_NOT_FOUND', 'not_found', 'Booking request not found'),
  notOwnOrganisation: () =>
    new DomainError(
      'NOT_OWN_ORGANISATION',
      'forbidden',
      "Only the county's own units and projects may order, and only through their own members",
      [{ field: 'organisationId', code: 'notOwnOrganisation', message: 'is not a unit or project you belong to' }],
    ),
  organisationInactive: () =>
    new DomainError('ORGANISATION_INACTIVE', 'validation', 'organisationId: the unit or project is not active on that date', [
      { field: 'organisationId', code: 'inactive', message: 'is not active on the date of the order' },
    ]),
  requestStatusConflict: (from: string, action: string) =>
    new DomainError('REQUEST_STATUS_CONFLICT', 'conflict', `A ${from} request cannot be ${action}`),
  // Candidates, offers and direct bookings exist only while a submitted request still needs experts.
  notOpenForMatching: (status: string) =>
    new DomainError(
      'REQUEST_NOT_OPEN_FOR_MATCHING',
      'conflict',
      `A ${status} request is not open for matching: candidates and offers exist only for a submitted request that still needs experts`,
    ),
  offerNotFound: () => new DomainError('OFFER_NOT_FOUND', 'not_found', 'Offer not found'),
  offerNotOpen: (status: string) => new DomainError('OFFER_NOT_OPEN', 'conflict', `The offer is ${status}, not open`),
  requestFilled: () =>
    new DomainError('REQUEST_ALREADY_FILLED', 'conflict', 'Enough experts have already accepted this request'),
  doubleBooked: () =>
    new DomainError('EXPERT_DOUBLE_BOOKED', 'conflict', 'The expert already holds an assignment at an overlapping time'),
  ceilingAckRequired: (earnedCents: number, expectedCents: number, ceilingCents: number) =>
    new DomainError(
      'EARNINGS_CEILING_ACK_REQUIRED',
      'conflict',
      `Accepting would take this year's fees to ${earnedCents + expectedCents} cents, past your ceiling of ${ceilingCents}; accept again with acknowledgeEarningsCeiling: true`,
    ),
  expertNotMatching: (expertIds: string[]) =>
    new DomainError('EXPERT_NOT_MATCHING', 'validation', 'expertIds: some experts do not match this request', [
      { field: 'expertIds', code: 'notMatching', message: `not candidates for this request: ${expertIds.join(', ')}` },
    ]),
  alreadyOffered: () => new DomainError('ALREADY_OFFERED', 'conflict', 'The expert already has an open or accepted offer for this request'),
  assignmentNotFound: () => new DomainError('ASSIGNMENT_NOT_FOUND', 'not_found', 'Assignment not found'),
  assignmentStatusConflict: (from: string, action: string) =>
    new DomainError('ASSIGNMENT_STATUS_CONFLICT', 'conflict', `A ${from} assignment cannot be ${action}`),
  notEnded: () => new DomainError('ASSIGNMENT_NOT_ENDED', 'conflict', 'The work can be confirmed only after its end time'),
  feedbackExists: () => new DomainError('FEEDBACK_ALREADY_GIVEN', 'conflict', 'Feedback for this assignment was already given'),
  feedbackNotOpen: (status: string) =>
    new DomainError('FEEDBACK_NOT_OPEN', 'conflict', `Feedback opens once the work is confirmed as completed; this assignment is ${status}`),
  calendarFeedNotFound: () => new DomainError('CALENDAR_FEED_NOT_FOUND', 'not_found', 'No such calendar feed'),
};
