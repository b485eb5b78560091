/**
 * The page's Runs subtab: for the mass sync (its dry runs too: the same deployment), the payment method
 * refresh, the event purge and the duplicates scan, the current runs with a progress bar, each
 * deployment's installed schedule and next run, and the last runs with their counts and duration.
 * The runs come from the SuiteApp's own rows in the sync log (records/run-log.ts), which any role that
 * views the sync log reads; NetSuite's run history (netsuite-jobs.ts) adds its percent complete where
 * the role may read it. Units: one page of run rows, one of jobs, one of deployments, and one count per
 * running mass sync or dry run: the same whatever the account holds.
 */
import * as serverWidget from "N/ui/serverWidget";
import { RUN_KINDS, SCRIPTS } from "../records/object-ids.js";
import { parseDateTime } from "../records/run-log.js";
import { readDeploymentStatus, readJobs, runningState } from "./netsuite-jobs.js";
import { addTable, type OpsContext, problemText, type TableColumn } from "./ops-context.js";
import { countedProgress, readRecordedRuns } from "./recorded-runs.js";
import { durationText, groupRuns, type Run } from "./run-history.js";
import { type RecordedRun, stateText } from "./run-rows.js";
import { describeSchedule, installedSchedule, nextRun } from "./schedules.js";

export const RUNS_TAB = "custpage_nss_runs_tab";

/** The map/reduce deployments the page follows, with the name it gives them. */
export const RUN_DEPLOYMENTS = [
  { ...SCRIPTS.massSync, label: "Mass sync (and dry runs)" },
  { ...SCRIPTS.paymentMethodRefresh, label: "Payment method refresh" },
  { ...SCRIPTS.eventPurge, label: "Event purge" },
  { ...SCRIPTS.duplicatesScan, label: "Duplicates scan" },
] as const;

/** The sync log's run kinds (records/run-log.ts): the name the page gives each, and its deployment. */
const KINDS = [
  { kind: RUN_KINDS.mass, label: "Mass sync", deploymentId: SCRIPTS.massSync.deploymentId },
  { kind: RUN_KINDS.dryRun, label: "Dry run", deploymentId: SCRIPTS.massSync.deploymentId },
  {
    kind: RUN_KINDS.paymentMethodRefresh,
    label: "Payment method refresh",
    deploymentId: SCRIPTS.paymentMethodRefresh.deploymentId,
  },
  { kind: RUN_KINDS.eventPurge, label: "Event purge", deploymentId: SCRIPTS.eventPurge.deploymentId },
  {
    kind: RUN_KINDS.duplicatesScan,
    label: "Duplicates scan",
    deploymentId: SCRIPTS.duplicatesScan.deploymentId,
  },
] as const;

const kindOf = (kind: string) => KINDS.find((k) => k.kind === kind);
const deploymentOfKind = (kind: string): string => kindOf(kind)?.deploymentId ?? kind;
const kindLabel = (kind: string): string => kindOf(kind)?.label ?? kind;

const RECENT_RUNS = 10;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Start to end (or to now while it runs). */
function durationOf(run: RecordedRun, now: Date): string {
  const start = parseDateTime(run.started);
  const end = run.state === "running" ? now : parseDateTime(run.ended);
  return start && end ? durationText(Math.max(0, end.getTime() - start.getTime())) : "";
}

interface Current {
  label: string;
  line: string;
  percent: number | undefined;
}

/** A running run: NetSuite's percent where readable, else what its own rows count, else none. */
function currentOf(run: RecordedRun, jobRun: Run | undefined, now: Date): Current {
  const label = kindLabel(run.kind);
  const total = run.toProcess ? `${run.toProcess} to process` : "";
  const since = `started ${run.started}, running for ${durationOf(run, now)}`;
  const v = jobRun && runningState(jobRun);
  if (v) {
    return { label, line: `${v.state}; ${since}${total ? `; ${total}` : ""}`, percent: v.percent };
  }
  let counted: ReturnType<typeof countedProgress>;
  let problem = "";
  try {
    counted = countedProgress(run);
  } catch (e) {
    problem = `; its progress could not be counted (${problemText(e)})`;
  }
  if (counted) {
    return { label, line: `${since}; ${counted.done} of ${run.toProcess} done`, percent: counted.percent };
  }
  return { label, line: `${since}${total ? `; ${total}` : ""}${problem}`, percent: undefined };
}

/** The current runs as progress bars (an INLINEHTML block; only text the page computed goes in it). */
function progressHtml(current: Current[], note: string): string {
  const runs =
    current.length === 0
      ? '<p class="nss-runs-idle">No run of these deployments is running.</p>'
      : current
          .map((c) => {
            const bar =
              c.percent === undefined
                ? ""
                : ` <progress max="100" value="${Math.round(c.percent)}">${Math.round(c.percent)}%</progress> ${Math.round(c.percent)}%`;
            return `<div class="nss-run-progress"><strong>${escapeHtml(c.label)}</strong>: ${escapeHtml(c.line)}${bar}</div>`;
          })
          .join("");
  return note ? `${runs}<p class="nss-runs-note">${escapeHtml(note)}</p>` : runs;
}

export function addRunsPanel(form: serverWidget.Form, _ctx: OpsContext): void {
  form.addSubtab({ id: RUNS_TAB, label: "Runs" });
  const now = new Date();
  const deploymentIds = RUN_DEPLOYMENTS.map((d) => d.deploymentId);

  let runs: RecordedRun[] = [];
  let runsProblem = "";
  try {
    runs = readRecordedRuns(
      KINDS.map((k) => k.kind),
      deploymentOfKind,
    );
  } catch (e) {
    runsProblem = problemText(e);
  }
  // NetSuite's run history: its percent complete for a running run, where the role may read it.
  let jobRuns: Run[] | undefined;
  let jobsProblem = "";
  try {
    jobRuns = groupRuns(readJobs(deploymentIds));
  } catch (e) {
    jobsProblem = problemText(e);
  }
  const runningJob = (deploymentId: string) =>
    jobRuns?.find((r) => r.deployment === deploymentId && runningState(r) !== undefined);
  const current = runs
    .filter((r) => r.state === "running")
    .map((r) => currentOf(r, runningJob(deploymentOfKind(r.kind)), now));
  const note = runsProblem
    ? `The sync log could not be read (${runsProblem}): check that your role can view NetSuite–Stripe Sync Log records.`
    : jobRuns === undefined
      ? `Progress is counted from the customers each run has synced so far (the payment method refresh, the event purge and the duplicates scan show their start only). NetSuite's own percent complete is not shown: its run history could not be read as your role (${jobsProblem}); administrators see it.`
      : "";
  const progress = form.addField({
    id: "custpage_nss_runs_progress",
    label: "Current runs",
    type: serverWidget.FieldType.INLINEHTML,
    container: RUNS_TAB,
  });
  progress.defaultValue = progressHtml(current, note);

  addDeployments(form, runs, now);
  if (!runsProblem) addRecentRuns(form, runs, now);
}

function addDeployments(form: serverWidget.Form, runs: RecordedRun[], now: Date): void {
  let statuses: Map<string, string> | undefined;
  try {
    statuses = readDeploymentStatus(RUN_DEPLOYMENTS.map((d) => d.deploymentId));
  } catch {
    statuses = undefined;
  }
  const rows = RUN_DEPLOYMENTS.map((d) => {
    const schedule = installedSchedule(d.deploymentId);
    const next = nextRun(schedule, now);
    const last = runs.find((r) => deploymentOfKind(r.kind) === d.deploymentId);
    return { d, schedule, next, last };
  });
  const columns: TableColumn<(typeof rows)[number]>[] = [
    { id: "custpage_nss_dep_name", label: "Run", value: ({ d }) => d.label },
    { id: "custpage_nss_dep_id", label: "Deployment", value: ({ d }) => d.deploymentId },
    {
      id: "custpage_nss_dep_schedule",
      label: "Schedule",
      help: "The schedule the SuiteApp's objects give the deployment, in UTC as they write it. NetSuite converts that time to the account's time zone when the SuiteApp is deployed, so where the clocks change the run can come an hour off for part of the year. Deploying the SuiteApp sets the schedule again; one changed on the deployment record in between is not shown here, because scripts cannot read a deployment's schedule (Oracle: its recurrence and start time fields are not scriptable).",
      value: ({ schedule }) => describeSchedule(schedule),
    },
    {
      id: "custpage_nss_dep_next",
      label: "Next Run",
      value: ({ next }) => (next ? `${next.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""),
    },
    {
      id: "custpage_nss_dep_status",
      label: "Deployment Status",
      help: "The deployment record's status (Scheduled, Not Scheduled). Reading deployments needs the SuiteScript permission, which administrators have and the NetSuite–Stripe Sync role does not (it would let its users change scripts): Unknown for other roles.",
      value: ({ d }) => statuses?.get(d.deploymentId) ?? (statuses ? "Not found" : "Unknown"),
    },
    {
      id: "custpage_nss_dep_last",
      label: "Last Run",
      value: ({ last }) => (last ? stateText(last.state) : "No run yet"),
    },
    { id: "custpage_nss_dep_started", label: "Started", value: ({ last }) => last?.started ?? "" },
    { id: "custpage_nss_dep_ended", label: "Ended", value: ({ last }) => last?.ended ?? "" },
    {
      id: "custpage_nss_dep_duration",
      label: "Duration",
      value: ({ last }) => (last ? durationOf(last, now) : ""),
    },
  ];
  addTable(
    form,
    { id: "custpage_nss_deployments", label: "Deployments", tab: RUNS_TAB, columns },
    () => rows,
  );
}

function addRecentRuns(form: serverWidget.Form, runs: RecordedRun[], now: Date): void {
  const count = (name: keyof NonNullable<RecordedRun["counts"]>) => (run: RecordedRun) =>
    run.counts?.[name] ?? "";
  const columns: TableColumn<RecordedRun>[] = [
    { id: "custpage_nss_run_name", label: "Run", value: (r) => kindLabel(r.kind) },
    {
      id: "custpage_nss_run_state",
      label: "Status",
      help: "Running; Completed; Completed with failures (the Failed customers subtab lists them); Failed: its input could not be read, and its summary says why; Did not finish: a newer run of its deployment started and this one wrote no end (NetSuite stopped it, or it was cancelled: see Customization > Scripting > Map/Reduce Script Status).",
      value: (r) => stateText(r.state),
    },
    { id: "custpage_nss_run_started", label: "Started", value: (r) => r.started },
    { id: "custpage_nss_run_ended", label: "Ended", value: (r) => r.ended },
    { id: "custpage_nss_run_duration", label: "Duration", value: (r) => durationOf(r, now) },
    {
      id: "custpage_nss_run_to_process",
      label: "To Process",
      help: "What the run set out to work through: customers (mass sync, dry run, payment method refresh), event records (event purge) or windows of Stripe's customer list (duplicates scan).",
      value: (r) => r.toProcess,
    },
    { id: "custpage_nss_run_created", label: "Created", value: count("created") },
    { id: "custpage_nss_run_linked", label: "Linked", value: count("linked") },
    { id: "custpage_nss_run_updated", label: "Updated", value: count("updated") },
    { id: "custpage_nss_run_unchanged", label: "Unchanged", value: count("unchanged") },
    { id: "custpage_nss_run_failed", label: "Failed", value: count("failed") },
    {
      id: "custpage_nss_run_summary",
      label: "Summary",
      type: serverWidget.FieldType.TEXTAREA,
      value: (r) => r.summary.slice(0, 3900),
    },
  ];
  addTable(form, { id: "custpage_nss_recent_runs", label: "Recent runs", tab: RUNS_TAB, columns }, () =>
    runs.slice(0, RECENT_RUNS),
  );
}
