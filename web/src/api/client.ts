import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './problem';
import type { paths } from './schema';
import { session } from './session';

// The one way the web app talks to the API: the client typed by the API's own OpenAPI document, on this
// origin only. The access token is added from memory; it is never stored.
const auth: Middleware = {
  onRequest({ request }) {
    const token = session.accessToken();
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    // A token the server no longer accepts (the session was ended elsewhere): back to signing in. Other 401s
    // (a wrong current password) are the form's to show.
    if (response.status === 401 && request.headers.has('authorization')) {
      const problem = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { code?: string };
      if (problem.code === 'UNAUTHENTICATED') session.ended('expired');
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

// The data of a call, or an ApiError with the problem's code: what TanStack Query and the forms expect.
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch {
    throw ApiError.network();
  }
  if (!result.response.ok) throw ApiError.from(result.response.status, result.error, result.response);
  return result.data as T;
}
