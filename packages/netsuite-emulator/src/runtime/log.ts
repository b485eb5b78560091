/**
 * The execution log: every N/log entry (and every uncaught script error) with the script and
 * deployment that wrote it, as NetSuite's Execution Log subtab shows them. Kept in memory, newest
 * last, capped so a long run cannot grow it without bound.
 */
import type { InvocationContext } from "./host.js";

export type LogLevel = "DEBUG" | "AUDIT" | "ERROR" | "EMERGENCY";

export interface LogEntry {
  at: number;
  level: LogLevel;
  title: string;
  details: string;
  scriptId: string;
  deploymentId: string;
  entryPoint: string;
  invocationId: string;
}

const LEVELS: LogLevel[] = ["DEBUG", "AUDIT", "ERROR", "EMERGENCY"];

export class ExecutionLog {
  private readonly entries: LogEntry[] = [];
  private listeners: ((entry: LogEntry) => void)[] = [];

  constructor(private readonly cap = 50_000) {}

  append(ctx: InvocationContext, entry: { level: LogLevel; title: string; details: string }): void {
    // Below the deployment's log level, NetSuite does not record the entry.
    const min = LEVELS.indexOf((ctx.deployment.logLevel || "DEBUG").toUpperCase() as LogLevel);
    if (LEVELS.indexOf(entry.level) < Math.max(0, min)) return;
    const full: LogEntry = {
      at: Date.now(),
      level: entry.level,
      title: String(entry.title ?? ""),
      details: String(entry.details ?? ""),
      scriptId: ctx.script.scriptId,
      deploymentId: ctx.deployment.scriptId,
      entryPoint: ctx.invocation.entryPoint,
      invocationId: ctx.invocation.invocationId,
    };
    this.entries.push(full);
    if (this.entries.length > this.cap) this.entries.splice(0, this.entries.length - this.cap);
    for (const listen of this.listeners) listen(full);
  }

  /** Entries, oldest first, optionally of one script. */
  list(filter: { scriptId?: string; deploymentId?: string } = {}): LogEntry[] {
    return this.entries.filter(
      (e) =>
        (filter.scriptId === undefined || e.scriptId === filter.scriptId) &&
        (filter.deploymentId === undefined || e.deploymentId === filter.deploymentId),
    );
  }

  onEntry(listen: (entry: LogEntry) => void): () => void {
    this.listeners.push(listen);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listen);
    };
  }
}
