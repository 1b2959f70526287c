import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

describe('data directory lock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kokemus-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the pid, refuses a second holder and is gone once released', () => {
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'kokemus.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(join(dir, 'kokemus.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('refuses a directory whose lock belongs to a live process, naming it in one line', () => {
    writeFileSync(join(dir, 'kokemus.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(
      `Another Kokemus process (pid ${process.ppid}) is using the data directory ${dir}; stop it first, or set DATA_DIR to another directory.`,
    );
  });

  it('takes over the lock of a process that is gone', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'kokemus.lock'), gone);
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'kokemus.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
