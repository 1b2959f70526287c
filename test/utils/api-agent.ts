import TestAgent from 'supertest/lib/agent';
import { API_PREFIX } from '../../src/common/http/api-prefix';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

// The API lives under /api. Specs name its routes as the OpenAPI tables do ('/units/{id}' -> '/units/…');
// this agent sends them under the prefix. /health stays at the root, and a path already under the prefix
// (a URL the API returned) is sent as it is.
export function apiPath(path: string): string {
  if (!path.startsWith('/') || path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) return path;
  if (path === '/health' || path.startsWith('/health?')) return path;
  return `${API_PREFIX}${path}`;
}

export function apiAgent(agent: TestAgent): TestAgent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (path: string, ...rest: unknown[]) =>
        (value as (...args: unknown[]) => unknown).call(target, apiPath(path), ...rest);
    },
  });
}
