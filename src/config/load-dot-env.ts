import { existsSync } from 'node:fs';

// A local .env is a convenience for development; real deployments set the environment.
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
