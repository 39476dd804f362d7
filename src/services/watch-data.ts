/** WATCH_DATA=1: reload when a data file changes, once the writes have settled. */
import { type FSWatcher, watch } from 'node:fs';

const SETTLE_MS = 300;

/** Calls `onChange` once per burst of changes to .yaml/.txt files in `dir`; returns a stop function. */
export function watchDataFolder(dir: string, onChange: () => void, settleMs = SETTLE_MS): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, (_event, name) => {
    // Temp files and backups written by an upload are not data.
    if (name && !/\.(ya?ml|txt)$/.test(String(name))) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
