/**
 * How a bot process ends: SIGINT or SIGTERM (however often, from whoever: a supervisor, npm passing
 * it on, a whole process group) start one graceful stop, and so does the parent process going
 * away (a killed npm or shell would otherwise leave the bot running on its own). The process
 * exits 0 once stopped, and at the latest after FORCE_EXIT_MS.
 */
import type { Logger } from '../log.ts';

/** A stop that has not finished by then is cut short: supervisors wait 5 s or more before SIGKILL. */
export const FORCE_EXIT_MS = 4_500;
const PARENT_CHECK_MS = 1_000;

export function stopOnSignals(stop: (reason: string) => Promise<void>, log: Logger): void {
  let stopping = false;
  const begin = (reason: string): void => {
    if (stopping) return; // npm forwards the signal the process group already delivered
    stopping = true;
    log.info({ reason }, 'stopping');
    setTimeout(() => {
      log.warn({ afterMs: FORCE_EXIT_MS }, 'not stopped in time; exiting anyway');
      process.exit(0);
    }, FORCE_EXIT_MS).unref();
    stop(reason).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  // process.on, not once: a second signal must not fall back to the default (exit 143 mid-reply).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => begin(signal));
  watchParent(() => begin('parent process exited'));
}

/**
 * Calls `onGone` when the process that started this one exits (the process is re-parented).
 * Not for a process started by PID 1 or 0 (a container's init, systemd): that parent stays.
 */
export function watchParent(onGone: () => void, everyMs = PARENT_CHECK_MS): () => void {
  const parent = process.ppid;
  if (parent <= 1) return () => {};
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
