/**
 * Whether a process with this pid exists on this machine: signal 0 checks without sending anything. Used to tell
 * a run or a lease left behind by a killed process from one that is still working.
 *
 * @example
 * processAlive(process.pid); // true
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (caught) {
    // EPERM: it exists but belongs to another user.
    return (caught as NodeJS.ErrnoException).code === 'EPERM';
  }
}
