import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX } from '../../src/common/http/api-prefix';
import { buildOpenApi } from '../../src/http-app';

const unprefixed = (path: string) => (path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path);

const under = (route: string, prefixes: string[]) => prefixes.some((p) => route.split(' ')[1].startsWith(p));

// "get /units/{id}"-style keys of every documented route, optionally only those under some path prefixes and
// not under others (a feature's routes nested in another's path belong to that feature's table).
export function documentedRoutes(app: NestFastifyApplication, prefixes?: string[], except: string[] = []): Set<string> {
  // The tables name routes without the API prefix, as the specs send them (see api-agent.ts).
  const all = Object.entries(buildOpenApi(app).paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m} ${unprefixed(path)}`),
  );
  return new Set(all.filter((r) => (!prefixes || under(r, prefixes)) && !under(r, except)));
}

// Each feature's authorization table covers its own prefixes; the foundation table covers the rest.
export const CREDENTIAL_ROUTE_PREFIXES = ['/experts/me/credentials', '/experts/{id}/credentials', '/credentials'];

export const AVAILABILITY_ROUTE_PREFIXES = ['/experts/me/availability', '/experts/{id}/availability', '/availability'];

export const EXPERT_ROUTE_PREFIXES = ['/experts', '/topics'];

// The calendar feed's own routes belong to booking, though one of them lives under /experts/me.
export const BOOKING_ROUTE_PREFIXES = [
  '/booking-requests',
  '/offers',
  '/assignments',
  '/calendar',
  '/experts/me/calendar-feed',
];

export const CONTRACT_ROUTE_PREFIXES = ['/contracts', '/assignments/{id}/contract-status'];

export const FEE_ROUTE_PREFIXES = [
  '/fee-schedule',
  '/travel-rates',
  '/fee-settings',
  '/claims',
  '/fee-runs',
  '/my-fees',
  '/reports',
];

export const AUDIT_ROUTE_PREFIXES = ['/audit-events'];

export const FEATURE_ROUTE_PREFIXES: string[] = [
  ...AUDIT_ROUTE_PREFIXES,
  ...CREDENTIAL_ROUTE_PREFIXES,
  ...AVAILABILITY_ROUTE_PREFIXES,
  ...EXPERT_ROUTE_PREFIXES,
  ...BOOKING_ROUTE_PREFIXES,
  ...CONTRACT_ROUTE_PREFIXES,
  ...FEE_ROUTE_PREFIXES,
];
