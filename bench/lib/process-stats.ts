/**
 * A benchmarked process's own figures, read from Linux's /proc: its peak memory and the CPU time it
 * used over a run, per event (the steady figure on a noisy machine, where throughput is not).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** Clock ticks per second of /proc's CPU times (100 on Linux almost everywhere). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time the process has used so far (user, system), in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number | undefined): { user: number; system: number } | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ms = (ticks: string | undefined) => (Number(ticks) * 1000) / CLOCK_TICKS;
    return { user: ms(fields[11]), system: ms(fields[12]) };
  } catch {
    return null;
  }
}

/** The proxy's CPU time over a run per event: all of it, and the kernel's share (sockets, on loopback both ends' TCP). */
export interface CpuPerEvent {
  ms: number;
  systemMs: number;
}

/** Runs `work` and divides the proxy's CPU time over it by the events it reports. */
export async function withCpu<T>(
  pid: number | undefined,
  work: () => Promise<T>,
  events: (result: T) => number,
): Promise<{ result: T; cpu: CpuPerEvent | null }> {
  const before = cpuMs(pid);
  const result = await work();
  const after = cpuMs(pid);
  const count = events(result);
  if (before === null || after === null || count === 0) return { result, cpu: null };
  const system = after.system - before.system;
  return { result, cpu: { ms: (after.user - before.user + system) / count, systemMs: system / count } };
}
