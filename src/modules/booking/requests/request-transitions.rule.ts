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

export function canOffer(status: RequestStatus): boolean {
  return [RequestStatus.Submitted, RequestStatus.Matching, RequestStatus.PartiallyFilled].includes(status);
}

// After an acceptance, a withdrawal or a cancellation: how full is the request now?
export function fillStatus(holding: number, needed: number): RequestStatus {
  if (holding >= needed) return RequestStatus.Filled;
  return holding > 0 ? RequestStatus.PartiallyFilled : RequestStatus.Matching;
}
