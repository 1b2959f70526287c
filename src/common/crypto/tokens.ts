import { createHash, randomBytes } from 'node:crypto';

// 256 random bits, URL-safe: refresh tokens, invitation links, calendar feed tokens.
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(value: string | Buffer): Buffer {
  return createHash('sha256').update(value).digest();
}
