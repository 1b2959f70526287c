import { z } from 'zod';

const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL');
const redisUrl = z
  .string()
  .url()
  .refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// URL');

// ENCRYPTION_KEY holds one or more "keyId:base64key" pairs separated by commas; the first one encrypts,
// all of them decrypt, so keys can rotate without re-encrypting everything at once.
const encryptionKeys = z.string().transform((value, ctx) => {
  const keys = value.split(',').map((pair) => {
    const [id, b64] = pair.trim().split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    return { id, key };
  });
  const bad = keys.find((k) => !k.id || !/^[a-z0-9-]{1,16}$/i.test(k.id) || k.key.length !== 32);
  if (bad) {
    ctx.addIssue({ code: 'custom', message: 'must be "keyId:<32 bytes in base64>" pairs, comma separated' });
    return z.NEVER;
  }
  return keys;
});

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/i).default('kokemus'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_ISSUER: z.string().min(1).default('kokemus'),
  JWT_AUDIENCE: z.string().min(1).default('kokemus-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  ENCRYPTION_KEY: encryptionKeys,
  SMTP_URL: z.string().refine((v) => /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL'),
  MAIL_FROM: z.string().min(3).default('Kokemus <kokemus@ostrobothnia.invalid>'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Cancelled by the county less than this many hours before the start: the expert gets the full fee.
  LATE_CANCELLATION_HOURS: z.coerce.number().int().min(0).max(720).default(48),
  LOGIN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  // Fee runs: claims per batch (one transaction each), an optional pause between batches (tests slow a
  // run down with it), and how often the worker re-queues runs whose job Redis lost.
  FEE_RUN_BATCH_SIZE: z.coerce.number().int().min(1).max(2000).default(500),
  FEE_RUN_BATCH_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  FEE_RUN_RECOVERY_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: NodeJS.ProcessEnv): { ok: true; env: Env } | { ok: false; message: string } {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  const issue = result.error.issues[0];
  const name = issue.path.join('.') || '(environment)';
  const message = issue.code === 'invalid_type' && source[name] === undefined ? 'is missing' : issue.message;
  return { ok: false, message: `Configuration error: ${name} ${message}` };
}
