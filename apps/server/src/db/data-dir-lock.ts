// One process at a time in an embedded database's folder. PGlite has no lock of its own: a second server started
// on the same folder (a second `npm start`, a CLI command while the server runs) would write the same files as the
// first, and a folder written by two is lost. A file holding the owner's process id says who has it; one left by a
// process that is gone (a crash, a power cut) is taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'qiao.pid';

/** The folder is held by another running process. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dir} is in use by another Qiao process (pid ${pid}): stop it first, or give this one its own ` +
        `QIAO_DATA_DIR. If no Qiao process is running, delete ${join(dir, LOCK_FILE)} and start again.`,
    );
  }
}

const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
};

/** Folders this process holds: a file naming this process's id may also be a stale one (a container's pid 1). */
const held = new Set<string>();

/** Takes the folder (which must exist) for this process; returns its release. */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  const key = resolve(dir);
  if (held.has(key)) throw new DataDirInUseError(dir, process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      held.add(key);
      return () => {
        held.delete(key);
        rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(file, 'utf8').trim());
    } catch {
      // removed meanwhile: try again
    }
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && running(holder)) throw new DataDirInUseError(dir, holder);
    rmSync(file, { force: true }); // left by a process that is gone (or unreadable): taken over
  }
}
