import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, isApiError } from './problem';
import { queryClient } from './query-client';
import type { paths } from './schema';
import { session } from './session';

// The one way the web app talks to the API: the client typed by the API's own OpenAPI document, on this
// origin only. The access token is added from memory; it is never stored.
const auth: Middleware = {
  async onRequest({ request }) {
    // While the page is locked (the session ended by itself), a call waits for the person to sign in again.
    if (session.current().status === 'locked' && !(await session.whenUnlocked())) {
      throw ApiError.from(401, { code: 'UNAUTHENTICATED' });
    }
    const token = session.accessToken();
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) return response;
    const problem = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { code?: string };
    // A token the server no longer accepts (the session was ended elsewhere): the page locks. Other 401s
    // (a wrong current password) are the form's to show.
    if (response.status === 401 && request.headers.has('authorization') && problem.code === 'UNAUTHENTICATED') {
      session.ended('expired');
    }
    // A change refused because what the screen showed was out of date (another tab, another person): every query
    // on screen is fetched again, so the page shows the current state beside the refusal. Never for a refused
    // read, which would fetch itself again and again.
    if (outOfDate(request, response.status, problem.code)) void queryClient.invalidateQueries();
    return response;
  },
};

// Refusals that name a state the screen no longer matches. Besides 404 and 409 on a change: a choice among
// experts or assignments that no longer match (400), and a material file gone (the download is a read, but no
// query shows it).
const STALE_CODES = new Set(['EXPERT_NOT_MATCHING', 'CONTRACT_ASSIGNMENT_UNKNOWN', 'MATERIAL_NOT_FOUND']);

function outOfDate(request: Request, status: number, code: string | undefined): boolean {
  if (code !== undefined && STALE_CODES.has(code)) return true;
  return request.method !== 'GET' && (status === 404 || status === 409);
}

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

// The data of a call, or an ApiError with the problem's code: what TanStack Query and the forms expect.
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch (error) {
    throw error instanceof ApiError ? error : ApiError.network();
  }
  if (!result.response.ok) throw ApiError.from(result.response.status, result.error, result.response);
  return result.data as T;
}

// A read asked for once, outside the query cache (the quote of a cancellation, asked for when the person opens
// it), refused because the state it was asked in is gone (404, 409): the screen is refreshed as after a refused
// change, so that the refusal's words ("the page has been updated") are true. A query's own read never does so
// (the middleware above): it would fetch itself again and again.
export async function readOnce<T>(request: Promise<Result<T>>): Promise<T> {
  try {
    return await call(request);
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 409)) void queryClient.invalidateQueries();
    throw error;
  }
}
