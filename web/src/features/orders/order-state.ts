import { useEffect, useRef } from 'react';
import type { Order, Organisation } from './orders-api';

// What an order waits for, at a glance: the next step and whose it is.
export type Waiting =
  'toSend' | 'matching' | 'partlyFilled' | 'contract' | 'ready' | 'toConfirm' | 'done' | 'cancelled';

const HOLDING = ['accepted', 'confirmed'];

export function waitingFor(order: Order, now = Date.now()): Waiting {
  if (order.status === 'draft') return 'toSend';
  if (order.status === 'cancelled') return 'cancelled';
  if (order.status === 'completed') return 'done';
  const holding = order.assignments.filter((a) => HOLDING.includes(a.status));
  // Work ended under a signed contract waits for the orderer; ended with the contract unsigned, for the contract.
  if (holding.some((a) => a.status === 'confirmed' && new Date(a.endsAt).getTime() <= now)) return 'toConfirm';
  if (order.status === 'submitted' || order.status === 'matching') return 'matching';
  if (order.status === 'partially_filled') return 'partlyFilled';
  return holding.some((a) => a.status === 'accepted') ? 'contract' : 'ready';
}

export const isHolding = (status: string) => HOLDING.includes(status);

// Open, and no booked work past its end: that work is confirmed or marked a no-show, not cancelled (the API refuses
// with WORK_ENDED). An order nobody was booked for is closed by cancelling it, whenever.
export const canCancel = (order: Order, now = Date.now()) =>
  order.status !== 'completed' &&
  order.status !== 'cancelled' &&
  !order.assignments.some((a) => isHolding(a.status) && new Date(a.endsAt).getTime() <= now);

// A topic of experience in the page's language.
export const topicName = (topic: { nameFi: string; nameSv: string; nameEn: string }, language: string) =>
  language === 'sv' ? topic.nameSv : language === 'en' ? topic.nameEn : topic.nameFi;

export const organisationName = (o: Pick<Organisation, 'nameFi' | 'nameSv'> | undefined, language: string) =>
  o ? (language === 'sv' ? o.nameSv : o.nameFi) : '';

// The outcome of an action whose control goes with the state it changes (send, cancel, confirm): `expect()` once the
// action is done, before the refetch; when `state` has changed, the element of `ref`, which says the new state, takes
// the focus that the control had (it would fall to the body).
export function useFocusOnChange<T extends HTMLElement>(state: string | undefined) {
  const ref = useRef<T>(null);
  const from = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (from.current === undefined || state === from.current) return;
    from.current = undefined;
    ref.current?.focus();
  }, [state]);
  return {
    ref,
    expect: () => {
      from.current = state;
    },
  };
}
