// Secrets that are printed in this repository (.env.example, the docs): anyone can read them, so production
// refuses them. env.schema.spec.ts checks that .env.example's values are here.
const PUBLIC_JWT_SECRETS = [
  'change-me-change-me-change-me-change-me-0123456789',
  'compose-only-secret-compose-only-secret-0001',
];
// Base64 keys, whatever key id they are given.
const PUBLIC_ENCRYPTION_KEYS = ['MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE='];

// The name of the variable that holds a public value, if one does.
export function publicSecretIn(source: NodeJS.ProcessEnv): 'JWT_SECRET' | 'ENCRYPTION_KEY' | null {
  if (PUBLIC_JWT_SECRETS.includes(source.JWT_SECRET?.trim() ?? '')) return 'JWT_SECRET';
  const keys = (source.ENCRYPTION_KEY ?? '').split(',').map((pair) => pair.trim().split(':')[1]?.trim());
  if (keys.some((key) => key !== undefined && PUBLIC_ENCRYPTION_KEYS.includes(key))) return 'ENCRYPTION_KEY';
  return null;
}
