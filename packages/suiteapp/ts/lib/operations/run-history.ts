/**
 * NetSuite's run history as the Runs panel reads it: scheduled script instance jobs, newest first,
 * grouped into runs. Pure: no N/* module.
 */

export interface Job {
  deployment: string;
  status: string;
  stage: string;
  percent: number;
}

/** A run: its jobs, newest first (the first job of a map/reduce run is its GET_INPUT). */
export interface Run {
  deployment: string;
  jobs: Job[];
}

/** Groups each deployment's jobs (newest first) into runs: a run ends, going back, at its GET_INPUT job. */
export function groupRuns(jobs: readonly Job[]): Run[] {
  const open = new Map<string, Run>();
  const runs: Run[] = [];
  for (const job of jobs) {
    let run = open.get(job.deployment);
    if (run === undefined) {
      run = { deployment: job.deployment, jobs: [] };
      runs.push(run);
      open.set(job.deployment, run);
    }
    run.jobs.push(job);
    // A scheduled script's run is one job (no stage); a map/reduce's first is GET_INPUT.
    if (job.stage === "GET_INPUT" || job.stage === "") open.delete(job.deployment);
  }
  return runs;
}

/** "3 min", "under a minute"; the job dates NetSuite shows are to the minute. */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return "under a minute";
  if (minutes < 120) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
