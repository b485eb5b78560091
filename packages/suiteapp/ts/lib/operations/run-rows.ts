/**
 * The runs as the SuiteApp records them itself (records/run-log.ts): each run's `started` row and the
 * row that ends it, paired into one run. Pure: no N/* module, so it is tested in Node.
 */

/** A run's row of the sync log, as the page reads it (dates as the search gives them: text). */
export interface RunRow {
  id: string;
  kind: string;
  outcome: string;
  /** On a started row and the row that ends its run: when the run started. */
  started: string;
  /** When the row was written (for the row that ends a run: when it ended). */
  at: string;
  /** On a started row: what map is to work through ('' when not counted). */
  toProcess: string;
  /** On the row that ends a run: its started row's internal ID ('' for runs before started rows). */
  run: string;
  message: string;
  counts: { created: string; linked: string; updated: string; unchanged: string; failed: string };
}

export type RunState = "running" | "completed" | "completed_with_failures" | "failed" | "did_not_finish";

export interface RecordedRun {
  kind: string;
  state: RunState;
  started: string;
  ended: string;
  toProcess: string;
  /** The first line of what the run wrote (or of its started row while it runs). */
  summary: string;
  counts?: RunRow["counts"];
}

/**
 * Pairs rows (newest first) into runs, newest first. A started row no ending row names is running when
 * it is the newest run of its deployment (`deploymentOf` a kind); an older one did not finish (its run
 * stopped without summarize: NetSuite ends a run that exceeds its limits, or it was cancelled).
 */
export function pairRuns(rows: readonly RunRow[], deploymentOf: (kind: string) => string): RecordedRun[] {
  const ended = new Set(rows.filter((r) => r.outcome !== "started" && r.run !== "").map((r) => r.run));
  const newerOfDeployment = new Set<string>();
  const runs: RecordedRun[] = [];
  for (const row of rows) {
    const deployment = deploymentOf(row.kind);
    const summary = row.message.split("\n", 1)[0] ?? "";
    if (row.outcome === "started") {
      if (ended.has(row.id)) continue;
      runs.push({
        kind: row.kind,
        state: newerOfDeployment.has(deployment) ? "did_not_finish" : "running",
        started: row.started || row.at,
        ended: "",
        toProcess: row.toProcess,
        summary,
      });
    } else {
      const start = rows.find((r) => r.id === row.run);
      runs.push({
        kind: row.kind,
        state:
          row.outcome === "failed" || row.outcome === "completed_with_failures" ? row.outcome : "completed",
        started: row.started,
        ended: row.at,
        toProcess: start?.toProcess ?? "",
        summary,
        counts: row.counts,
      });
    }
    newerOfDeployment.add(deployment);
  }
  return runs;
}

/** "Running", "Completed with failures", … */
export function stateText(state: RunState): string {
  const text = state.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
