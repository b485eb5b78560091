/**
 * Script deployments (with each Suitelet's URLs and a *Run now* for map/reduce and scheduled
 * deployments, as "Save and Execute" does) and the execution log, newest first.
 */
import { NsError } from "../../errors.js";
import { type Ctx, redirect, sendHtml } from "../context.js";
import { escapeHtml } from "../render/html.js";
import { layout, type PageMessage } from "./layout.js";

export const SCRIPTS_PAGE = "/app/common/scripting/scriptrecordlist.nl";
export const RUN_SCRIPT = "/app/common/scripting/runscript.nl";
export const EXECUTION_LOG = "/app/common/scripting/executionlog.nl";

const RUNNABLE = new Set(["mapreducescript", "scheduledscript"]);
const LOG_ROWS = 500;

const cell = (s: string) => `<td>${s}</td>`;

function suiteletUrls(ctx: Ctx, scriptId: string, deploymentId: string, online: boolean): string {
  const host = ctx.state.emulator.host;
  const path = `/app/site/hosting/scriptlet.nl?script=${encodeURIComponent(scriptId)}&deploy=${encodeURIComponent(deploymentId)}`;
  const internal = `<a href="${escapeHtml(path)}">Internal URL</a>`;
  if (!online) return internal;
  const external = `${host.currentDomains.forms}${path}&compid=${encodeURIComponent(host.accountId)}&ns-at=${encodeURIComponent(host.externalToken(scriptId, deploymentId))}`;
  return `${internal} · <a class="ns-external-url" href="${escapeHtml(external)}">External URL</a>`;
}

export function serveScripts(ctx: Ctx): void {
  const { project } = ctx.state.emulator;
  const rows: string[] = [];
  for (const script of project.scripts) {
    for (const d of script.deployments) {
      const key = `${script.scriptId}/${d.scriptId}`;
      const run = ctx.state.runs.get(key);
      const action = RUNNABLE.has(script.type)
        ? `<form method="POST" action="${RUN_SCRIPT}?script=${encodeURIComponent(script.scriptId)}&amp;deploy=${encodeURIComponent(d.scriptId)}"><button class="ns-button" type="submit" id="run_${escapeHtml(d.scriptId)}">Run now</button></form>`
        : script.type === "suitelet"
          ? suiteletUrls(ctx, script.scriptId, d.scriptId, d.isOnline)
          : escapeHtml(d.recordType ?? "");
      const status = run
        ? `<span class="ns-run-status" data-status="${run.status}">${run.status}</span>${run.detail ? ` — ${escapeHtml(run.detail)}` : ""}`
        : "";
      rows.push(
        `<tr data-deployment="${escapeHtml(d.scriptId)}">${[
          escapeHtml(script.name),
          escapeHtml(script.scriptId),
          escapeHtml(script.type),
          escapeHtml(d.scriptId),
          escapeHtml(d.status),
          d.isDeployed ? "Yes" : "No",
          action,
          status,
          `<a href="${EXECUTION_LOG}?script=${encodeURIComponent(script.scriptId)}">Log</a>`,
        ]
          .map(cell)
          .join("")}</tr>`,
      );
    }
  }
  const head = ["Script", "ID", "Type", "Deployment", "Status", "Deployed", "", "Last run", ""];
  const body = `<table class="ns-list" id="deployments"><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
  const messages: PageMessage[] = [];
  const submitted = ctx.url.searchParams.get("submitted");
  if (submitted)
    messages.push({ type: "CONFIRMATION", title: "Submitted", message: `${submitted} is running.` });
  const refused = ctx.url.searchParams.get("refused");
  if (refused) messages.push({ type: "ERROR", title: "Not submitted", message: refused });
  sendHtml(
    ctx,
    200,
    layout({
      title: "Script Deployments",
      body,
      accountId: ctx.state.emulator.host.accountId,
      nav: true,
      menu: ctx.state.menu,
      messages,
    }),
  );
}

/** Starts a deployment now and goes back to the list at once; the run's end shows there. */
export async function runNow(ctx: Ctx): Promise<void> {
  const scriptId = ctx.url.searchParams.get("script") ?? "";
  const deploymentId = ctx.url.searchParams.get("deploy") ?? "";
  const key = `${scriptId}/${deploymentId}`;
  const startedAt = Date.now();
  const runs = ctx.state.runs;
  let failure: NsError | undefined;
  const previous = runs.get(key);
  runs.set(key, { status: "PROCESSING", startedAt });
  ctx.state.emulator.runScript(scriptId, deploymentId).then(
    (run) => {
      const s = run.type === "mapreducescript" ? run.summary : undefined;
      const failed =
        s !== undefined && (s.mapSummary.errors.length > 0 || s.inputSummary.error !== undefined);
      runs.set(key, { status: failed ? "FAILED" : "COMPLETE", startedAt, finishedAt: Date.now() });
    },
    (error: unknown) => {
      failure = error instanceof NsError ? error : new NsError("UNEXPECTED_ERROR", String(error));
      const detail = `${failure.name}: ${failure.message}`;
      runs.set(key, { status: "FAILED", startedAt, finishedAt: Date.now(), detail });
    },
  );
  // A refusal (unknown script, not deployed, already running) comes back before the run starts.
  await new Promise((resolve) => setImmediate(resolve));
  if (failure) {
    // Refused: what ran before (possibly still running) is still the deployment's last run.
    if (previous) runs.set(key, previous);
    return redirect(
      ctx,
      `${SCRIPTS_PAGE}?refused=${encodeURIComponent(`${failure.name}: ${failure.message}`)}`,
    );
  }
  redirect(ctx, `${SCRIPTS_PAGE}?submitted=${encodeURIComponent(key)}`);
}

export function serveExecutionLog(ctx: Ctx): void {
  const script = ctx.url.searchParams.get("script") ?? undefined;
  const entries = ctx.state.emulator.log
    .list(script ? { scriptId: script } : {})
    .slice(-LOG_ROWS)
    .reverse();
  const rows = entries
    .map(
      (e) =>
        `<tr class="ns-log-${e.level.toLowerCase()}">${[
          new Date(e.at).toISOString().replace("T", " ").slice(0, 19),
          e.level,
          escapeHtml(`${e.scriptId}/${e.deploymentId}`),
          escapeHtml(e.entryPoint),
          escapeHtml(e.title),
          `<pre class="ns-details">${escapeHtml(e.details)}</pre>`,
        ]
          .map(cell)
          .join("")}</tr>`,
    )
    .join("");
  const head = ["Date", "Type", "Script", "Entry point", "Title", "Details"]
    .map((h) => `<th>${h}</th>`)
    .join("");
  const body = `<p>${entries.length} entries${script ? ` of ${escapeHtml(script)} · <a href="${EXECUTION_LOG}">all scripts</a>` : ""} (newest first, at most ${LOG_ROWS}).</p><table class="ns-list" id="execution_log"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  sendHtml(
    ctx,
    200,
    layout({
      title: "Execution Log",
      body,
      accountId: ctx.state.emulator.host.accountId,
      nav: true,
      menu: ctx.state.menu,
    }),
  );
}
