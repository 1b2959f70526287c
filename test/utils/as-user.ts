import type { Test } from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { binary } from './documents';

// Whom a request is sent as: an access token, or anything that carries one (a signed-in test user).
export type Bearer = string | { token: string };

export interface AsUser {
  get(path: string): Test;
  post(path: string, body?: object): Test;
  put(path: string, body?: object): Test;
  patch(path: string, body?: object): Test;
  delete(path: string): Test;
  // A GET whose body is kept as a Buffer (PDF, CSV, ZIP).
  download(path: string): Test;
}

// Requests with a bearer token: `const as = asUser(() => t.http)` in a spec, then `as(token).get('/me')`.
// The agent is looked up on each request, so the spec may create its app after this line.
export function asUser(agent: () => TestAgent): (who: Bearer) => AsUser {
  return (who) => {
    const authorization = `Bearer ${typeof who === 'string' ? who : who.token}`;
    return {
      get: (path) => agent().get(path).set('authorization', authorization),
      post: (path, body) =>
        agent()
          .post(path)
          .set('authorization', authorization)
          .send(body ?? {}),
      put: (path, body) =>
        agent()
          .put(path)
          .set('authorization', authorization)
          .send(body ?? {}),
      patch: (path, body) =>
        agent()
          .patch(path)
          .set('authorization', authorization)
          .send(body ?? {}),
      delete: (path) => agent().delete(path).set('authorization', authorization),
      download: (path) => agent().get(path).set('authorization', authorization).buffer(true).parse(binary),
    };
  };
}
