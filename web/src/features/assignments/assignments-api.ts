import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

export type Assignment = components['schemas']['AssignmentResponse'];

export function useAssignments() {
  return useQuery({ queryKey: ['assignments'], queryFn: () => call(api.GET('/api/assignments')) });
}

export function useAssignment(id: string) {
  return useQuery({
    queryKey: ['assignments', id],
    queryFn: () => call(api.GET('/api/assignments/{id}', { params: { path: { id } } })),
  });
}

// Still ahead and held: the expert may withdraw from it.
export const isUpcoming = (a: Assignment, now = Date.now()) =>
  (a.status === 'accepted' || a.status === 'confirmed') && new Date(a.endsAt).getTime() > now;
export const canWithdraw = (a: Assignment, now = Date.now()) =>
  (a.status === 'accepted' || a.status === 'confirmed') && new Date(a.startsAt).getTime() > now;

export function useWithdraw(id: string) {
  const client = useQueryClient();
  return {
    send: (reason: string) =>
      call(api.POST('/api/assignments/{id}/withdraw', { params: { path: { id } }, body: { reason: reason.trim() } })),
    done: () => client.invalidateQueries(),
  };
}

// The expert's answer to the orderer's proposal of a new time (the assignment's timeChange while it is open).
export const answerTimeChange = (id: string, answer: 'accept' | 'decline') =>
  answer === 'accept'
    ? call(api.POST('/api/assignments/{id}/time-change/accept', { params: { path: { id } } }))
    : call(api.POST('/api/assignments/{id}/time-change/decline', { params: { path: { id } } }));
