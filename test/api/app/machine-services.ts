import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The machine's PostgreSQL and Redis serve every other process on it (other test runs, developers' apps): the
// test suite never stops or restarts them. A test that needs Redis to go away starts its own
// (test/utils/redis-server.ts) and stops that one.
const ROOT = join(__dirname, '..', '..', '..');
const STOPS_A_SERVICE = [
  /redis-cli\b[^\n]*\bshutdown\b/i,
  /['"`]shutdown['"`]/i,
  /\.shutdown\(\s*['"`]?(no)?save/i,
  /\bpg_ctl(cluster)?\b[^\n]*\b(stop|restart|kill)\b/i,
  /\bsystemctl\b[^\n]*\b(stop|restart|kill)\b/i,
  /\bservice\s+(redis|postgresql)\S*\s+(stop|restart)\b/i,
  /\b(pkill|killall)\b[^\n]*\b(redis|postgres)/i,
  // Emptying the shared Redis is as bad as stopping it: a test removes only the keys under its own prefix.
  /\bflush(all|db)\b/i,
];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path);
    return /\.(ts|js|mjs|sh)$/.test(entry.name) ? [path] : [];
  });
}

describe('the test suite and the machine it runs on', () => {
  it('never stops or restarts the machine’s PostgreSQL or Redis', () => {
    const self = relative(ROOT, __filename);
    const offending = [...files('test'), ...files('bench'), '.ci/run']
      .filter((path) => path !== self)
      .flatMap((path) =>
        readFileSync(join(ROOT, path), 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${path}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => STOPS_A_SERVICE.some((pattern) => pattern.test(line))),
      );
    expect(offending).toEqual([]);
  });
});
