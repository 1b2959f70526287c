import { RequestStatus } from '../entities/booking-request.entity';

const OPEN: RequestStatus[] = [
  RequestStatus.Draft,
  RequestStatus.Submitted,
  RequestStatus.Matching,
  RequestStatus.PartiallyFilled,
  RequestStatus.Filled,
];

export function canEdit(status: RequestStatus): boolean {
  return status === RequestStatus.Draft;
}

export function canSubmit(status: RequestStatus): boolean {
  return status === RequestStatus.Draft;
}

export function canCancel(status: RequestStatus): boolean {
  return OPEN.includes(status);
}

// Booked work past its end is confirmed as done or marked a no-show, never cancelled (PRODUCT.md §4): neither is an
// order that holds such work.
export function workEnded(holding: { endsAt: Date }[], now: Date): boolean {
  return holding.some((a) => a.endsAt <= now);
}

export function canOffer(status: RequestStatus): boolean {
  return [RequestStatus.Submitted, RequestStatus.Matching, RequestStatus.PartiallyFilled].includes(status);
}

// After an acceptance, a withdrawal or a cancellation: how full is the request now?
export function fillStatus(holding: number, needed: number): RequestStatus {
  if (holding >= needed) return RequestStatus.Filled;
  return holding > 0 ? RequestStatus.PartiallyFilled : RequestStatus.Matching;
}
