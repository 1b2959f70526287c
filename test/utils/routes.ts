import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildOpenApi } from '../../src/http-app';

// "get /units/{id}"-style keys of every documented route, optionally only those under some path prefixes.
export function documentedRoutes(app: NestFastifyApplication, prefixes?: string[]): Set<string> {
  const all = Object.entries(buildOpenApi(app).paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
  return new Set(prefixes ? all.filter((r) => prefixes.some((p) => r.split(' ')[1].startsWith(p))) : all);
}

// Each feature's authorization table covers its own prefixes; the foundation table covers the rest.
export const FEATURE_ROUTE_PREFIXES: string[] = [
  // availability (test/availability-authorization.e2e-spec.ts)
  '/experts/me/availability',
  '/experts/{id}/availability',
  '/availability',
];
