// CPU time used so far by every process on this machine (Linux /proc), for the bench's
// CONVERGE_CPU diagnostics: which process (relay, browser, each seat's renderer) does the work.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux.

/** Map pid → { name, ms } (user + system CPU, ms); processes that vanish are skipped. */
export function cpuByProcess() {
  const out = new Map();
  let pids;
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      // Chromium rewrites its command line as one string (its process title): search it whole.
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const type = /--type=([\w-]+)/.exec(cmd)?.[1];
      const util = /--utility-sub-type=([\w.]+)/.exec(cmd)?.[1];
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const name = type ? `${comm}-${util ? util.split('.').pop() : type}` : comm;
      out.set(pid, { name, ms });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
