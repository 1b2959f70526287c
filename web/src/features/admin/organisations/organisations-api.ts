import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../../api/client';
import type { components } from '../../../api/schema';
import type { Language } from '../../../i18n/languages';

export type Organisation = components['schemas']['OrganisationResponse'];
export type OrganisationKind = components['schemas']['OrganisationKind'];
export type Member = components['schemas']['MemberResponse'];
export type OrganisationBody = components['schemas']['CreateProjectDto'];
type User = components['schemas']['UserResponse'];

// Units and projects together: the county has tens of them, so one fetch of each serves the list and a page.
export const useOrganisations = () =>
  useQuery({
    queryKey: ['organisations'],
    queryFn: async () => {
      const [units, projects] = await Promise.all([call(api.GET('/api/units')), call(api.GET('/api/projects'))]);
      return [...units, ...projects];
    },
  });

export function createOrganisation(kind: OrganisationKind, body: OrganisationBody) {
  if (kind === 'unit') {
    const { ownerUnitId: _owner, ...unit } = body;
    return call(api.POST('/api/units', { body: unit }));
  }
  return call(api.POST('/api/projects', { body }));
}

export function updateOrganisation(kind: OrganisationKind, id: string, body: Partial<OrganisationBody>) {
  const params = { path: { id } };
  if (kind === 'unit') {
    const { ownerUnitId: _owner, ...unit } = body;
    return call(api.PATCH('/api/units/{id}', { params, body: unit }));
  }
  return call(api.PATCH('/api/projects/{id}', { params, body }));
}

export const useMembers = (id: string) =>
  useQuery({
    queryKey: ['organisations', id, 'members'],
    queryFn: () => call(api.GET('/api/organisations/{id}/members', { params: { path: { id } } })),
  });

export const addMember = (id: string, userId: string) =>
  call(api.PUT('/api/organisations/{id}/members/{userId}', { params: { path: { id, userId } } }));

export function useRemoveMember(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      call(api.DELETE('/api/organisations/{id}/members/{userId}', { params: { path: { id, userId } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['organisations', id, 'members'] }),
  });
}

// Every orderer who can sign in or is invited: the people who may be members. Paged by the API, gathered here.
export const useOrderers = () =>
  useQuery({
    queryKey: ['users', 'orderers'],
    queryFn: async () => {
      const found: User[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await call(api.GET('/api/users', { params: { query: { role: 'orderer', limit: 100, offset } } }));
        found.push(...page.items);
        if (found.length >= page.total || page.items.length === 0) break;
      }
      return found.filter((u) => u.status !== 'disabled').sort((a, b) => a.name.localeCompare(b.name));
    },
  });

export const organisationName = (o: Organisation, language: Language) => (language === 'sv' ? o.nameSv : o.nameFi);

export type OrganisationState = 'active' | 'ended' | 'upcoming';

// Today in Helsinki as YYYY-MM-DD: the active period's days are the county's days.

export function organisationState(o: Organisation, today: string): OrganisationState {
  if (o.activeFrom > today) return 'upcoming';
  if (o.activeUntil !== null && o.activeUntil < today) return 'ended';
  return 'active';
}
