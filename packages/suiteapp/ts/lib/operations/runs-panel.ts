/**
 * The page's Runs subtab: for the mass sync (its dry runs too: the same deployment), the payment
 * method refresh and the event purge, the state of the current run (NetSuite's scheduled script
 * instance jobs: status, stage, percent complete as a progress bar), the last runs with their
 * duration, each deployment's status (Scheduled or not), and the last runs' counts from the sync log.
 * Units: one page of jobs, one of deployments, one of sync log rows: the same whatever the account
 * holds.
 */
import * as format from "N/format";
import * as search from "N/search";
import * as serverWidget from "N/ui/serverWidget";
import { text } from "../records/field-values.js";
import { SCRIPTS, SYNC_LOG_RECORD } from "../records/object-ids.js";
import {
  addInfoField,
  addTable,
  anyOfFilters,
  newestRows,
  type OpsContext,
  problemText,
  resultText,
  type TableColumn,
} from "./ops-context.js";
import { durationText, groupRuns, type Job, type Run } from "./run-history.js";

export const RUNS_TAB = "custpage_nss_runs_tab";

/** The map/reduce deployments the page follows, with the name it gives them. */
export const RUN_DEPLOYMENTS = [
  { ...SCRIPTS.massSync, label: "Mass sync (and dry runs)" },
  { ...SCRIPTS.paymentMethodRefresh, label: "Payment method refresh" },
  { ...SCRIPTS.eventPurge, label: "Event purge" },
] as const;

/** The sync log's run kinds (writeRunLog) the page shows. */
const RUN_KINDS = ["mass", "mass_dry_run", "paymethod"];

/** Jobs read (newest first): a map/reduce run is a few jobs, so this covers the last runs of each. */
const JOBS_READ = 60;
const LOG_ROWS = 10;

const parseDate = (value: string): Date | undefined => {
  if (value === "") return undefined;
  try {
    const d = format.parse({ value, type: format.Type.DATETIME }) as unknown as Date;
    return typeof d?.getTime === "function" && !Number.isNaN(d.getTime()) ? d : undefined;
  } catch {
    return undefined;
  }
};

/** A run's state in one line, and its start, end and duration. */
export function describeRun(run: Run): {
  state: string;
  percent: number;
  start: string;
  end: string;
  duration: string;
} {
  const newest = run.jobs[0] as Job;
  const first = run.jobs[run.jobs.length - 1] as Job;
  const running = run.jobs.some((j) => j.status === "Pending" || j.status === "Processing");
  const failed = run.jobs.some((j) => j.status === "Failed");
  const state = running
    ? `${newest.status}${newest.stage ? ` (${newest.stage})` : ""}`
    : failed
      ? "Failed"
      : newest.status;
  const startDate = parseDate(first.start);
  const endDate = running ? undefined : parseDate(newest.end);
  return {
    state,
    percent: running ? newest.percent : failed ? newest.percent : 100,
    start: first.start,
    end: running ? "" : newest.end,
    duration: startDate && endDate ? durationText(endDate.getTime() - startDate.getTime()) : "",
  };
}

function readJobs(): Job[] {
  const deploymentFilter = anyOfFilters(
    RUN_DEPLOYMENTS.map((d) => ["scriptdeployment.scriptid", "is", d.deploymentId]),
  );
  const deploymentColumn = search.createColumn({ name: "scriptid", join: "scriptdeployment" });
  return search
    .create({
      type: search.Type.SCHEDULED_SCRIPT_INSTANCE,
      filters: deploymentFilter,
      columns: [
        search.createColumn({ name: "internalid", sort: search.Sort.DESC }),
        "status",
        "mapreducestage",
        "percentcomplete",
        "taskid",
        "startdate",
        "enddate",
        deploymentColumn,
      ],
    })
    .run()
    .getRange({ start: 0, end: JOBS_READ })
    .map((r) => ({
      deployment: text(r.getValue(deploymentColumn)).toLowerCase(),
      status: text(r.getValue({ name: "status" })),
      stage: text(r.getValue({ name: "mapreducestage" })),
      percent: Number.parseFloat(text(r.getValue({ name: "percentcomplete" }))) || 0,
      taskId: text(r.getValue({ name: "taskid" })),
      start: text(r.getValue({ name: "startdate" })),
      end: text(r.getValue({ name: "enddate" })),
    }));
}

/** Each deployment's status as its record says it (Scheduled, Not Scheduled, …). */
function readDeploymentStatus(): Map<string, string> {
  const filter = anyOfFilters(RUN_DEPLOYMENTS.map((d) => ["scriptid", "is", d.deploymentId]));
  const out = new Map<string, string>();
  for (const r of search
    .create({ type: "scriptdeployment", filters: filter, columns: ["scriptid", "status", "isdeployed"] })
    .run()
    .getRange({ start: 0, end: 10 })) {
    const deployed = r.getValue({ name: "isdeployed" });
    const status = r.getText({ name: "status" }) || text(r.getValue({ name: "status" }));
    out.set(
      text(r.getValue({ name: "scriptid" })).toLowerCase(),
      deployed === false || deployed === "F" ? "Not deployed" : status,
    );
  }
  return out;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The current runs as progress bars (an INLINEHTML block; only text the page computed goes in it). */
function progressHtml(current: { label: string; state: string; percent: number }[]): string {
  if (current.length === 0)
    return '<p class="nss-runs-idle">No run of these deployments is pending or running.</p>';
  return current
    .map(
      (c) =>
        `<div class="nss-run-progress"><strong>${escapeHtml(c.label)}</strong>: ${escapeHtml(c.state)} ` +
        `<progress max="100" value="${Math.round(c.percent)}">${Math.round(c.percent)}%</progress> ${Math.round(c.percent)}%</div>`,
    )
    .join("");
}

export function addRunsPanel(form: serverWidget.Form, _ctx: OpsContext): void {
  form.addSubtab({ id: RUNS_TAB, label: "Runs" });
  const labelOf = (deployment: string) =>
    RUN_DEPLOYMENTS.find((d) => d.deploymentId === deployment)?.label ?? deployment;

  // Deployments first: scheduled or not.
  let statuses = new Map<string, string>();
  let statusProblem = "";
  try {
    statuses = readDeploymentStatus();
  } catch (e) {
    statusProblem = problemText(e);
  }

  let runs: Run[] = [];
  let jobsProblem = "";
  try {
    runs = groupRuns(readJobs());
  } catch (e) {
    jobsProblem = problemText(e);
  }
  const current = RUN_DEPLOYMENTS.flatMap((d) => {
    const run = runs.find((r) => r.deployment === d.deploymentId);
    if (!run) return [];
    const v = describeRun(run);
    return run.jobs.some((j) => j.status === "Pending" || j.status === "Processing")
      ? [{ label: d.label, state: v.state, percent: v.percent }]
      : [];
  });
  const progress = form.addField({
    id: "custpage_nss_runs_progress",
    label: "Current runs",
    type: serverWidget.FieldType.INLINEHTML,
    container: RUNS_TAB,
  });
  progress.defaultValue = jobsProblem
    ? `<p class="nss-runs-problem">NetSuite's run history (scheduled script instances) could not be read as your role (${escapeHtml(jobsProblem)}). An administrator sees it here, or at Customization &gt; Scripting &gt; Map/Reduce Script Status. The last runs' counts below come from the sync log.</p>`
    : progressHtml(current);

  const deploymentRows = RUN_DEPLOYMENTS.map((d) => {
    const run = runs.find((r) => r.deployment === d.deploymentId);
    return { d, v: run ? describeRun(run) : undefined };
  });
  const deploymentColumns: TableColumn<(typeof deploymentRows)[number]>[] = [
    { id: "custpage_nss_dep_name", label: "Run", value: ({ d }) => d.label },
    { id: "custpage_nss_dep_id", label: "Deployment", value: ({ d }) => d.deploymentId },
    {
      id: "custpage_nss_dep_status",
      label: "Deployment Status",
      help: "Scheduled: it runs on the schedule set on its deployment record (the SuiteApp's objects set the payment method refresh daily and the event purge weekly). Not Scheduled: it runs when started (Retry failed, or Save and Execute on the deployment).",
      value: ({ d }) => (statusProblem ? "Unknown" : (statuses.get(d.deploymentId) ?? "Not found")),
    },
    {
      id: "custpage_nss_dep_last",
      label: "Last Run",
      value: ({ v }) => (jobsProblem ? "Not readable" : (v?.state ?? "No run yet")),
    },
    { id: "custpage_nss_dep_started", label: "Started", value: ({ v }) => v?.start ?? "" },
    { id: "custpage_nss_dep_ended", label: "Ended", value: ({ v }) => v?.end ?? "" },
    { id: "custpage_nss_dep_duration", label: "Duration", value: ({ v }) => v?.duration ?? "" },
  ];
  addTable(
    form,
    { id: "custpage_nss_deployments", label: "Deployments", tab: RUNS_TAB, columns: deploymentColumns },
    () => deploymentRows,
  );
  if (statusProblem) {
    addInfoField(form, {
      id: "custpage_nss_dep_problem",
      label: "Deployments",
      container: RUNS_TAB,
      value: `The deployments could not be read (${statusProblem}).`,
      help: "Reading script deployments needs the SuiteScript permission, which administrators have and the NetSuite–Stripe Sync role does not (it would let its users change scripts). Their status shows at Customization > Scripting > Script Deployments.",
    });
  }

  if (!jobsProblem) {
    const recentColumns: TableColumn<Run & { v: ReturnType<typeof describeRun> }>[] = [
      { id: "custpage_nss_run_name", label: "Run", value: (run) => labelOf(run.deployment) },
      { id: "custpage_nss_run_state", label: "Status", value: ({ v }) => v.state },
      { id: "custpage_nss_run_pct", label: "% Complete", value: ({ v }) => `${Math.round(v.percent)}%` },
      { id: "custpage_nss_run_started", label: "Started", value: ({ v }) => v.start },
      { id: "custpage_nss_run_duration", label: "Duration", value: ({ v }) => v.duration },
      {
        id: "custpage_nss_run_task",
        label: "Task ID",
        value: (run) => run.jobs.find((j) => j.taskId !== "")?.taskId ?? "",
      },
    ];
    const shown = runs.slice(0, 10).map((run) => ({ ...run, v: describeRun(run) }));
    addTable(
      form,
      { id: "custpage_nss_recent_runs", label: "Recent runs", tab: RUNS_TAB, columns: recentColumns },
      () => shown,
    );
  }

  const f = SYNC_LOG_RECORD.fields;
  const countColumns: TableColumn<search.Result>[] = [
    { id: "custpage_nss_log_at", label: "Finished", value: resultText(f.at) },
    {
      id: "custpage_nss_log_kind",
      label: "Run Kind",
      help: "mass: the mass sync; mass_dry_run: a dry run (nothing sent); paymethod: the payment method refresh.",
      value: resultText(f.kind),
    },
    { id: "custpage_nss_log_outcome", label: "Outcome", value: resultText(f.outcome) },
    { id: "custpage_nss_log_created", label: "Created", value: resultText(f.created) },
    { id: "custpage_nss_log_linked", label: "Linked", value: resultText(f.linked) },
    { id: "custpage_nss_log_updated", label: "Updated", value: resultText(f.updated) },
    { id: "custpage_nss_log_unchanged", label: "Unchanged", value: resultText(f.unchanged) },
    { id: "custpage_nss_log_failed", label: "Failed", value: resultText(f.failed) },
  ];
  try {
    addTable(
      form,
      { id: "custpage_nss_run_counts", label: "Last runs' counts", tab: RUNS_TAB, columns: countColumns },
      () =>
        newestRows(
          SYNC_LOG_RECORD.type,
          [
            anyOfFilters(RUN_KINDS.map((kind) => [f.kind, "is", kind])),
            "AND",
            [f.customer, "anyof", "@NONE@"],
          ],
          [f.at, f.kind, f.outcome, f.created, f.linked, f.updated, f.unchanged, f.failed],
          LOG_ROWS,
        ),
    );
  } catch (e) {
    addInfoField(form, {
      id: "custpage_nss_log_problem",
      label: "Sync log",
      container: RUNS_TAB,
      value: `The sync log could not be read (${problemText(e)}).`,
      help: "Check that your role can view NetSuite–Stripe Sync Log records.",
    });
  }
}
