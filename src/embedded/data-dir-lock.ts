import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {}

// Lock files this process holds: its own pid in a lock file does not tell (a container restarts as pid 1).
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// PGlite itself lets two processes open one data directory at once, which corrupts it. The lock file holds
// the owner's pid; a lock whose process is gone (a crash, a kill -9) is taken over.
// Not proper-lockfile: it tells a stale lock by the lock's age (its mtime, refreshed on a timer; `stale` is
// at least 5 s), so after a crash or a kill -9 a restart would be refused until the old lock has aged, where
// the pid check here takes over at once; and it does not record who holds the lock, so the refusal could not
// name the other process as the error below does (data-dir-lock.spec.ts and test/processes/embedded.ts check
// both). The embedded mode runs on one machine, where a pid is a sure answer.
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'kokemus.lock');
  if (held.has(path)) throw new DataDirLockedError(`The data directory ${dataDir} is already in use by this process.`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(path);
        process.removeListener('exit', release);
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(
          `Another Kokemus process (pid ${pid}) is using the data directory ${dataDir}; stop it first, or set DATA_DIR to another directory.`,
        );
      }
      unlinkSync(path);
    }
  }
  throw new DataDirLockedError(
    `Could not lock the data directory ${dataDir} (${path}); remove that file if no Kokemus process is running.`,
  );
}
