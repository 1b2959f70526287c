import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { parseEnv } from '../../config/env.schema';
import { mailTransport } from './mail.module';
import { FileMailTransport, SmtpMailTransport } from './mail-transport';

const BASE = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kokemus',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
  ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  LOG_LEVEL: 'silent',
};

function config(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = parseEnv(env);
  if (!parsed.ok) throw new Error(parsed.message);
  return new AppConfig(parsed.env);
}

describe('the mail transport', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'kokemus-mail-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes mail as .eml files to DATA_DIR/mail on real PostgreSQL and Redis without SMTP_URL', async () => {
    const transport = mailTransport(config({ ...BASE, DATA_DIR: dataDir }));
    expect(transport).toBeInstanceOf(FileMailTransport);
    await transport.send({
      from: 'Kokemus <k@ostrobothnia.invalid>',
      to: 'anna@example.org',
      subject: 'Kutsu',
      text: 'https://kokemus.test/set-password#token=abc',
    });
    const files = readdirSync(join(dataDir, 'mail'));
    expect(files).toEqual([expect.stringMatching(/\.eml$/)]);
    const eml = readFileSync(join(dataDir, 'mail', files[0]), 'utf8');
    expect(eml).toMatch(/^To: anna@example\.org$/m);
    expect(eml).toContain('set-password#token=abc');
  });

  it('sends over SMTP when SMTP_URL is set', () => {
    expect(mailTransport(config({ ...BASE, DATA_DIR: dataDir, SMTP_URL: 'smtp://127.0.0.1:1025' }))).toBeInstanceOf(
      SmtpMailTransport,
    );
  });
});
