import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import type { components } from '../../../api/schema';

export type User = components['schemas']['UserResponse'];
export type UserRole = components['schemas']['Role'];
export type UserStatus = components['schemas']['UserStatus'];
export type InviteUser = components['schemas']['InviteUserDto'];

export const PAGE_SIZE = 50;

export const usePeople = (filter: { role?: UserRole; status?: UserStatus; search?: string }, offset: number) =>
  useQuery({
    queryKey: ['users', filter, offset],
    queryFn: () => call(api.GET('/api/users', { params: { query: { ...filter, limit: PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });

// `idempotencyKey`: the invitation form's own (newIdempotencyKey), new after each person invited: sent again after a
// lost answer, the form gets the person it invited instead of a refusal of the address as in use.
export const inviteUser = (body: InviteUser, idempotencyKey: string) =>
  call(api.POST('/api/users', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }));

export function useAccountAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'disable' | 'enable' | 'invitation' }) => {
      const params = { params: { path: { id } } };
      if (action === 'disable') return call(api.POST('/api/users/{id}/disable', params));
      if (action === 'enable') return call(api.POST('/api/users/{id}/enable', params));
      return call(api.POST('/api/users/{id}/invitation', params));
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export const changeRole = (id: string, role: UserRole) =>
  call(api.PUT('/api/users/{id}/role', { params: { path: { id } }, body: { role } }));
