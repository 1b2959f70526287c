import type { Test } from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { Role } from '../../src/common/auth/role.enum';

// The route × role tables (test/api/*/*-authorization.ts): each row is one documented route, the request
// that reaches it and the status every role gets; one runner sends every row as every role.

export type Who = 'none' | Role;

export const EVERY_ROLE: Who[] = ['none', Role.Orderer, Role.Expert, Role.Coordinator, Role.Admin];

export interface RouteRow {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  // As the OpenAPI description names it, without the API prefix: '/units/{id}'.
  template: string;
  path: (who: Who) => string;
  // A JSON body, the same for everyone or chosen per role; or `send` for anything else (a multipart upload).
  body?: object | ((who: Who) => object);
  send?: (req: Test) => Test;
  expect: Record<Who, number>;
}

// `ok` for the given roles, 403 for the other roles, 401 without a token.
export function onlyRoles(roles: Role[], ok: number): Record<Who, number> {
  return Object.fromEntries(
    EVERY_ROLE.map((who) => [who, who === 'none' ? 401 : roles.includes(who) ? ok : 403]),
  ) as Record<Who, number>;
}

// The table's rows as "get /units/{id}" keys, to compare with documentedRoutes (routes.ts).
export function routeKeys(rows: RouteRow[]): Set<string> {
  return new Set(rows.map((r) => `${r.method} ${r.template}`));
}

// One test per row and role ("GET /units/{id} as orderer"): the status is the table's; a refusal keeps its code.
export function itAnswersEveryRouteAsEveryRole(
  rows: RouteRow[],
  app: () => { http: TestAgent; tokens: Record<Role, string> },
): void {
  it.each(
    rows.flatMap((row) =>
      EVERY_ROLE.map((who) => [`${row.method.toUpperCase()} ${row.template} as ${who}`, row, who] as const),
    ),
  )('%s', async (_name, row, who) => {
    const { http, tokens } = app();
    let req = http[row.method](row.path(who));
    if (who !== 'none') req = req.set('authorization', `Bearer ${tokens[who]}`);
    if (row.send) req = row.send(req);
    else if (row.body !== undefined) req = req.send(typeof row.body === 'function' ? row.body(who) : row.body);
    const res = await req;
    expect({ status: res.status, code: res.body?.code }).toEqual({ status: row.expect[who], code: res.body?.code });
  });
}
