import { isIP } from 'node:net';
import { z } from 'zod';
import { chooseDatabaseMode } from './database-mode';
import { publicSecretIn } from './public-secrets';

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

// Which proxies may tell the client's address in X-Forwarded-For (PRODUCT §6: the address in rate limits and the
// audit log is the connection's own unless it comes from a proxy named here). Off by default: a client that
// forges the header changes nothing. A hop count trusts that many proxies in front; a list names them by
// address, CIDR, or proxy-addr's names for ranges (loopback, linklocal, uniquelocal). `true` (trust anyone) is
// refused on purpose.
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
export type TrustProxy = false | number | string[];
const trustProxy = z
  .string()
  .default('false')
  .transform((value, ctx): TrustProxy => {
    const v = value.trim();
    if (v === '' || v === 'false' || v === 'off' || v === '0') return false;
    if (/^\d+$/.test(v)) {
      const hops = Number(v);
      if (hops <= 10) return hops;
    } else {
      const entries = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (entries.length > 0 && entries.every(isProxyAddress)) return entries;
    }
    ctx.addIssue({
      code: 'custom',
      message:
        'must be false (off), a hop count from 1 to 10, or comma-separated proxy addresses or CIDRs (loopback, linklocal, uniquelocal too)',
    });
    return z.NEVER;
  });

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  // Either may be left out: it is derived from the other (see derivedAddress).
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PUBLIC_URL: z.string().url().optional(),
  // Required unless embedded (see database-mode.ts); then main.ts sets it to the embedded database.
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: redisUrl.optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/i)
    .default('kokemus'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_ISSUER: z.string().min(1).default('kokemus'),
  JWT_AUDIENCE: z.string().min(1).default('kokemus-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  ENCRYPTION_KEY: encryptionKeys,
  // Required in production; elsewhere, without it, mail is written to DATA_DIR/mail as .eml files.
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Kokemus <kokemus@ostrobothnia.invalid>'),
  // Feedback sent from the accessibility statement is stored and mailed here (the coordinator's mailbox).
  ACCESSIBILITY_FEEDBACK_EMAIL: z
    .string()
    .email('must be an e-mail address')
    .default('saavutettavuus@ostrobothnia.invalid'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  TRUST_PROXY: trustProxy,
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Cancelled by the county less than this many hours before the start: the expert gets the full fee.
  LATE_CANCELLATION_HOURS: z.coerce.number().int().min(0).max(720).default(48),
  LOGIN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  // Fee runs: claims per batch (one transaction each), an optional pause in each batch and after each statement
  // of an export (tests slow a run down with it), and how often the worker re-queues runs whose job Redis lost.
  FEE_RUN_BATCH_SIZE: z.coerce.number().int().min(1).max(2000).default(500),
  FEE_RUN_BATCH_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  FEE_RUN_RECOVERY_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
  // On SIGTERM or SIGINT: how long running jobs and requests get to reach a safe point (a fee run's batch commits)
  // before the process lets go of them; it exits at the latest a few seconds after that.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  // Experts with no activity and nothing open for this many months are anonymised by the daily privacy job,
  // after a notice mailed this many days before (0: no notice).
  EXPERT_INACTIVITY_MONTHS: z.coerce.number().int().min(6).max(120).default(24),
  EXPERT_INACTIVITY_NOTICE_DAYS: z.coerce.number().int().min(0).max(90).default(30),
  // The embedded mode's database and generated secrets, and (without SMTP_URL outside production) mail as files.
  DATA_DIR: z.string().min(1).default('./data'),
  // The test suite only (NODE_ENV=test): the parent process that started this one moves its clock over IPC.
  KOKEMUS_TEST_CLOCK: z.literal('ipc', { message: 'must be ipc' }).optional(),
});

type Parsed = z.infer<typeof envSchema>;
type Common = Omit<Parsed, 'DATABASE_URL' | 'REDIS_URL' | 'SMTP_URL' | 'PORT' | 'PUBLIC_URL'> & {
  DATABASE_URL: string;
  PORT: number;
  PUBLIC_URL: string;
  // Unset outside production: mail is then written as .eml files to DATA_DIR/mail.
  SMTP_URL?: string;
};

// KOKEMUS_EMBEDDED is the mode in force: false on real PostgreSQL and Redis (every deployment); true on the
// embedded PGlite, with the queues in its PostgreSQL and no Redis.
export type Env =
  | (Common & { KOKEMUS_EMBEDDED: false; REDIS_URL: string })
  | (Common & { KOKEMUS_EMBEDDED: true; REDIS_URL?: undefined });

const DEFAULT_PORT = 3000;
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

// PORT and PUBLIC_URL name the same place unless a proxy stands between: with only PORT set, links point to
// that port on localhost; with only a local PUBLIC_URL that names a port, the API listens on it.
export function derivedAddress(
  port: number | undefined,
  publicUrl: string | undefined,
): { PORT: number; PUBLIC_URL: string } {
  if (port === undefined && publicUrl !== undefined) {
    const url = new URL(publicUrl);
    if (LOCAL_HOSTS.includes(url.hostname) && url.port) port = Number(url.port);
  }
  const PORT = port ?? DEFAULT_PORT;
  // Without its trailing slash: every link is this and a path (…/set-password#token=…), never a double slash that
  // the web app would not recognise.
  return { PORT, PUBLIC_URL: publicUrl?.replace(/\/+$/, '') ?? `http://localhost:${PORT}` };
}

const OPTIONAL_URLS = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'KOKEMUS_EMBEDDED'] as const;

export function parseEnv(raw: NodeJS.ProcessEnv): { ok: true; env: Env } | { ok: false; message: string } {
  // An empty value means unset, as a shell's `DATABASE_URL= npm start` intends.
  const source = { ...raw };
  for (const name of OPTIONAL_URLS) if (source[name] === '') delete source[name];
  const mode = chooseDatabaseMode(source);
  if (!mode.ok) return mode;
  if (mode.embedded && !source.DATABASE_URL) {
    // Embedded, but the database was not started: only `npm start` (src/main.ts) starts it.
    return {
      ok: false,
      message:
        'Configuration error: DATABASE_URL is missing; the embedded database is started by `npm start` only (set DATABASE_URL and REDIS_URL to run this)',
    };
  }
  if (!mode.embedded) {
    for (const [name, other] of [
      ['DATABASE_URL', 'REDIS_URL'],
      ['REDIS_URL', 'DATABASE_URL'],
    ] as const) {
      if (source[name]) continue;
      const hint =
        source[other] && source.NODE_ENV !== 'production'
          ? ` (${other} is set: set both, or neither to try Kokemus in the embedded mode)`
          : '';
      return { ok: false, message: `Configuration error: ${name} is missing${hint}` };
    }
  }
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue.path.join('.') || '(environment)';
    const message = issue.code === 'invalid_type' && source[name] === undefined ? 'is missing' : issue.message;
    return { ok: false, message: `Configuration error: ${name} ${message}` };
  }
  if (result.data.KOKEMUS_TEST_CLOCK && result.data.NODE_ENV !== 'test') {
    return {
      ok: false,
      message: 'Configuration error: KOKEMUS_TEST_CLOCK is for the test suite only and needs NODE_ENV=test; unset it',
    };
  }
  const { DATABASE_URL, REDIS_URL, SMTP_URL, PORT, PUBLIC_URL, ...rest } = result.data;
  const common = { ...rest, ...derivedAddress(PORT, PUBLIC_URL), SMTP_URL };
  if (!DATABASE_URL) return { ok: false, message: 'Configuration error: DATABASE_URL is missing' };
  if (mode.embedded) return { ok: true, env: { ...common, DATABASE_URL, KOKEMUS_EMBEDDED: true } };
  if (!REDIS_URL) return { ok: false, message: 'Configuration error: REDIS_URL is missing' };
  if (common.NODE_ENV === 'production') {
    if (!SMTP_URL)
      return {
        ok: false,
        message:
          'Configuration error: SMTP_URL is missing (production sends mail; elsewhere, without it, mail is written to DATA_DIR/mail)',
      };
    const example = publicSecretIn(source);
    if (example)
      return {
        ok: false,
        message: `Configuration error: ${example} is the public example value; production needs a secret of its own`,
      };
  }
  return { ok: true, env: { ...common, DATABASE_URL, REDIS_URL, KOKEMUS_EMBEDDED: false } };
}
