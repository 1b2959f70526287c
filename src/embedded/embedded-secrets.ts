import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedSecrets {
  JWT_SECRET: string;
  ENCRYPTION_KEY: string;
}

// Generated once and kept in the data directory, so that sessions and encrypted IBANs survive a restart.
export function embeddedSecrets(dataDir: string): EmbeddedSecrets {
  const path = join(dataDir, 'secrets.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as EmbeddedSecrets;
  const secrets: EmbeddedSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64'),
    ENCRYPTION_KEY: `k1:${randomBytes(32).toString('base64')}`,
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
