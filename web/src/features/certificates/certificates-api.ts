import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { multipart } from '../../api/multipart';

export type Credential = components['schemas']['CredentialResponse'];
export type TrainingType = components['schemas']['TrainingType'];

const KEY = ['credentials', 'mine'];

export const useMyCredentials = () =>
  useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/experts/me/credentials')) });

export function useRefreshCredentials() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export interface Upload {
  type: TrainingType;
  provider: string;
  completedOn: string;
  file: File;
}

// A multipart form: the fields first, the file last (the server reads the fields before the bytes).
// `idempotencyKey`: the upload form's own (newIdempotencyKey), new after each upload: sent again after a lost
// answer, the form gets the credential it sent instead of storing a second one.
export const uploadCredential = (upload: Upload, idempotencyKey: string) =>
  call(
    api.POST('/api/experts/me/credentials', {
      params: { header: { 'Idempotency-Key': idempotencyKey } },
      ...multipart({
        type: upload.type,
        provider: upload.provider,
        completedOn: upload.completedOn,
        file: upload.file,
      }),
    }),
  );

export const withdrawCredential = (id: string) =>
  call(api.DELETE('/api/experts/me/credentials/{id}', { params: { path: { id } } }));
