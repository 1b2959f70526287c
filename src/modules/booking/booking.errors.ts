import { DomainError } from '../../common/errors/domain-error';
import { OfferStatus } from './entities/offer.entity';

// The codes this feature answers with: the API's contract, one definition each.
export enum BookingErrorCode {
  RequestNotFound = 'REQUEST_NOT_FOUND',
  NotOwnOrganisation = 'NOT_OWN_ORGANISATION',
  OrganisationInactive = 'ORGANISATION_INACTIVE',
  RequestStatusConflict = 'REQUEST_STATUS_CONFLICT',
  RequestNotOpenForMatching = 'REQUEST_NOT_OPEN_FOR_MATCHING',
  OfferNotFound = 'OFFER_NOT_FOUND',
  OfferNotOpen = 'OFFER_NOT_OPEN',
  RequestAlreadyFilled = 'REQUEST_ALREADY_FILLED',
  ExpertDoubleBooked = 'EXPERT_DOUBLE_BOOKED',
  EarningsCeilingAckRequired = 'EARNINGS_CEILING_ACK_REQUIRED',
  DirectBookingCrossesCeiling = 'DIRECT_BOOKING_CROSSES_CEILING',
  LoadCapReached = 'LOAD_CAP_REACHED',
  ExpertNotMatching = 'EXPERT_NOT_MATCHING',
  AlreadyOffered = 'ALREADY_OFFERED',
  AssignmentNotFound = 'ASSIGNMENT_NOT_FOUND',
  AssignmentStatusConflict = 'ASSIGNMENT_STATUS_CONFLICT',
  AssignmentNotEnded = 'ASSIGNMENT_NOT_ENDED',
  WorkEnded = 'WORK_ENDED',
  AssignmentNotUnderContract = 'ASSIGNMENT_NOT_UNDER_CONTRACT',
  FeedbackAlreadyGiven = 'FEEDBACK_ALREADY_GIVEN',
  FeedbackNotOpen = 'FEEDBACK_NOT_OPEN',
  CalendarFeedNotFound = 'CALENDAR_FEED_NOT_FOUND',
  TimeChangeAlreadyOpen = 'TIME_CHANGE_ALREADY_OPEN',
  TimeChangeNotOpen = 'TIME_CHANGE_NOT_OPEN',
  TimeChangeLapsed = 'TIME_CHANGE_LAPSED',
  AssignmentNotMovable = 'ASSIGNMENT_NOT_MOVABLE',
  MaterialNotFound = 'MATERIAL_NOT_FOUND',
}

// Why an offer can no longer be answered: its state, or its order cancelled (the problem's `reason`).
export type OfferNotOpenReason = Exclude<OfferStatus, OfferStatus.Offered> | 'requestCancelled';

export const BookingErrors = {
  materialNotFound: () =>
    new DomainError(BookingErrorCode.MaterialNotFound, 'not_found', 'The order has no material file'),
  requestNotFound: () => new DomainError(BookingErrorCode.RequestNotFound, 'not_found', 'Booking request not found'),
  notOwnOrganisation: () =>
    new DomainError(
      BookingErrorCode.NotOwnOrganisation,
      'forbidden',
      "Only the county's own units and projects may order, and only through their own members",
      [{ field: 'organisationId', code: 'notOwnOrganisation', message: 'is not a unit or project you belong to' }],
    ),
  organisationInactive: () =>
    new DomainError(
      BookingErrorCode.OrganisationInactive,
      'validation',
      'organisationId: the unit or project is not active on that date',
      [{ field: 'organisationId', code: 'inactive', message: 'is not active on the date of the order' }],
    ),
  requestStatusConflict: (from: string, action: string) =>
    new DomainError(BookingErrorCode.RequestStatusConflict, 'conflict', `A ${from} request cannot be ${action}`),
  // Candidates, offers and direct bookings exist only while a submitted request still needs experts.
  notOpenForMatching: (status: string) =>
    new DomainError(
      BookingErrorCode.RequestNotOpenForMatching,
      'conflict',
      `A ${status} request is not open for matching: candidates and offers exist only for a submitted request that still needs experts`,
    ),
  offerNotFound: () => new DomainError(BookingErrorCode.OfferNotFound, 'not_found', 'Offer not found'),
  // The reason is the offer's state now (or requestCancelled: withdrawn with its order), so the expert reads why.
  offerNotOpen: (reason: OfferNotOpenReason) =>
    new DomainError(
      BookingErrorCode.OfferNotOpen,
      'conflict',
      reason === 'requestCancelled'
        ? 'The offer was withdrawn when its order was cancelled'
        : `The offer is ${reason}, not open`,
      [],
      { reason },
    ),
  requestFilled: () =>
    new DomainError(
      BookingErrorCode.RequestAlreadyFilled,
      'conflict',
      'Enough experts have already accepted this request',
    ),
  doubleBooked: () =>
    new DomainError(
      BookingErrorCode.ExpertDoubleBooked,
      'conflict',
      'The expert already holds an assignment at an overlapping time',
    ),
  notUnderContract: () =>
    new DomainError(
      BookingErrorCode.AssignmentNotUnderContract,
      'conflict',
      'The contract for this assignment is not signed yet; the work can be confirmed once it is (a no-show can be marked now)',
    ),
  loadCapReached: (unit: 'week' | 'month') =>
    new DomainError(
      BookingErrorCode.LoadCapReached,
      'conflict',
      `You already have as many assignments that ${unit} as your profile allows; raise the cap there to accept this one`,
    ),
  ceilingAckRequired: (earnedCents: number, expectedCents: number, ceilingCents: number) =>
    new DomainError(
      BookingErrorCode.EarningsCeilingAckRequired,
      'conflict',
      `Accepting would take this year's fees to ${earnedCents + expectedCents} cents, past your ceiling of ${ceilingCents}; accept again with acknowledgeEarningsCeiling: true`,
      [],
      { ceiling: { earnedCents, expectedCents, ceilingCents } },
    ),
  // A direct booking is agreed with the expert outside the app: the coordinator says they agreed to cross.
  directBookingCrossesCeiling: (earnedCents: number, expectedCents: number, ceilingCents: number) =>
    new DomainError(
      BookingErrorCode.DirectBookingCrossesCeiling,
      'conflict',
      `Booking would take the expert's fees this year to ${earnedCents + expectedCents} cents, past the yearly ceiling of ${ceilingCents} they set; book again with expertAgreedToCrossCeiling: true once the expert has agreed`,
      [],
      { ceiling: { earnedCents, expectedCents, ceilingCents } },
    ),
  // `field`: the body's own name for the experts (expertIds when offering, expertId when booking directly).
  expertNotMatching: (expertIds: string[], field: 'expertIds' | 'expertId') =>
    new DomainError(
      BookingErrorCode.ExpertNotMatching,
      'validation',
      field === 'expertId'
        ? 'expertId: the expert does not match this request'
        : 'expertIds: some experts do not match this request',
      [
        {
          field,
          code: 'notMatching',
          message: `not candidates for this request: ${expertIds.join(', ')}`,
        },
      ],
    ),
  alreadyOffered: () =>
    new DomainError(
      BookingErrorCode.AlreadyOffered,
      'conflict',
      'The expert already has an open or accepted offer for this request',
    ),
  assignmentNotFound: () => new DomainError(BookingErrorCode.AssignmentNotFound, 'not_found', 'Assignment not found'),
  assignmentStatusConflict: (from: string, action: string) =>
    new DomainError(BookingErrorCode.AssignmentStatusConflict, 'conflict', `A ${from} assignment cannot be ${action}`),
  notEnded: () =>
    new DomainError(
      BookingErrorCode.AssignmentNotEnded,
      'conflict',
      'The work can be confirmed only after its end time',
    ),
  // After the end, booked work is confirmed as done or marked a no-show: cancelling it would unsay what happened.
  workEnded: () =>
    new DomainError(
      BookingErrorCode.WorkEnded,
      'conflict',
      'The booked work has ended: confirm that it took place or mark a no-show instead of cancelling',
    ),
  feedbackExists: () =>
    new DomainError(
      BookingErrorCode.FeedbackAlreadyGiven,
      'conflict',
      'Feedback for this assignment was already given',
    ),
  feedbackNotOpen: (status: string) =>
    new DomainError(
      BookingErrorCode.FeedbackNotOpen,
      'conflict',
      `Feedback opens once the work is confirmed as completed; this assignment is ${status}`,
    ),
  calendarFeedNotFound: () =>
    new DomainError(BookingErrorCode.CalendarFeedNotFound, 'not_found', 'No such calendar feed'),
  timeChangeOpen: () =>
    new DomainError(
      BookingErrorCode.TimeChangeAlreadyOpen,
      'conflict',
      'A change of time is already waiting for the expert’s answer; one at a time',
    ),
  timeChangeNotOpen: () =>
    new DomainError(
      BookingErrorCode.TimeChangeNotOpen,
      'conflict',
      'No change of time is waiting for an answer on this assignment',
    ),
  timeChangeLapsed: () =>
    new DomainError(
      BookingErrorCode.TimeChangeLapsed,
      'conflict',
      'The change of time was not answered before the work began or before the time it proposed; it can no longer be answered, and the work keeps its time',
    ),
  notMovable: (status: string) =>
    new DomainError(
      BookingErrorCode.AssignmentNotMovable,
      'conflict',
      `Only booked work not yet begun can be moved; this assignment is ${status}`,
    ),
  // To the expert accepting: which of their own assignments the new time would overlap.
  movedOntoAnother: (title: string, when: string) =>
    new DomainError(
      BookingErrorCode.ExpertDoubleBooked,
      'conflict',
      `The new time overlaps your assignment "${title}" (${when}); nothing was changed`,
    ),
};
