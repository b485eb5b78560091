#!/usr/bin/env node
/**
 * `nss-netsuite-emulator run --project <sdf dir> --script <scriptid> [--deployment <id>] [--db FILE]`:
 * runs a scheduled or map/reduce deployment once and prints its execution log, summary and units.
 * Exit codes: 0 done; 1 the script failed (an uncaught error, or map/reduce errors); 2 bad usage or
 * a project that does not load.
 * `nss-netsuite-emulator serve --project <sdf dir> [--port 8080]`: the account over HTTP (cli-serve.ts).
 * `nss-netsuite-emulator validate --project <sdf dir>`: the SDF and access checks, nothing run (cli-validate.ts).
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { clockFromFlags, modelledReport } from "./cli-clock.js";
import { type ServeOptions, serve } from "./cli-serve.js";
import { validateCommand } from "./cli-validate.js";
import { NetSuiteEmulator, type ScriptRun } from "./emulator.js";
import type { LogEntry } from "./runtime/log.js";
import { describe } from "./scripts/map-reduce.js";

const USAGE = `Usage: nss-netsuite-emulator run --project <sdf dir> --script <scriptid> [options]
       nss-netsuite-emulator serve --project <sdf dir> [--port 8080] [options]
       nss-netsuite-emulator validate --project <sdf dir> [--features A,B]

run: runs a scheduled or map/reduce script deployment of an SDF project once, locally, and prints
its execution log, a summary and the governance units it used.
serve: serves the account over HTTP until interrupted: log in, record pages with the project's user
events and client scripts, lists, script deployments (Run now), the execution log, and Suitelets at
NetSuite's URLs (internal on --port, available-without-login ones on --forms-port).
validate: checks every object against Oracle's SDF XML reference, the manifest's features against the
account's, and who each deployment runs as, without running anything; exit 1 on any error.

Options:
  --project <dir>        the SDF project (the folder holding src/manifest.xml)
  --script <scriptid>    run: the script to run (customscript_…)
  --deployment <id>      run: the deployment (default: the script's first deployed one)
  --param <id=value>     run: a script parameter value over the deployment's (repeatable)
  --latency <profile>    run: also print the modelled time on a real account (NetSuite's clock):
                         low, typical (default) or high latencies, from public reports
  --processors <n>       run: the account's processors for that model (default 2; turns the clock on)
  --port <n>             serve: the app domain's port (default 8080)
  --forms-port <n>       serve: the external forms domain's port (default port + 1)
  --host <address>       serve: the interface to listen on (default 127.0.0.1)
  --seed <file>          serve: records to add first, JSON [{"type":"customer","values":{…}}]
  --db <file>            the account's SQLite file (default: in memory, empty)
  --secrets <file>       API secret values as JSON (default: <project>/.secrets.json)
  --no-install           do not run the project's SDF installation scripts first
  --features <list>      validate: the account's enabled features, comma-separated (default: OneWorld)
  -h, --help             show this help

Exit codes: 0 done, 1 the script failed, 2 bad usage or project.`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

function formatEntry(e: LogEntry): string {
  const at = new Date(e.at).toISOString();
  const details = e.details === "" ? "" : ` — ${e.details.replace(/\n/g, "\n      ")}`;
  return `  ${at} ${e.level.padEnd(9)} ${e.scriptId}/${e.deploymentId} ${e.entryPoint}: ${e.title}${details}`;
}

function report(run: ScriptRun): { text: string; failed: boolean; units: number } {
  if (run.type === "scheduledscript") {
    return {
      text: `Scheduled script ${run.result.scriptId}/${run.result.deploymentId} completed in ${run.result.seconds} s.`,
      failed: false,
      units: run.result.usage,
    };
  }
  const s = run.summary;
  const failed =
    s.inputSummary.error !== undefined ||
    s.mapSummary.errors.length > 0 ||
    s.reduceSummary.errors.length > 0 ||
    s.summarizeSummary.error !== undefined;
  const line = (where: string, serialized: string): string => {
    const parsed = JSON.parse(serialized) as { name: string; message: string };
    return `\n  ${where}: ${parsed.name}: ${parsed.message}`;
  };
  const errors = [
    ...(s.inputSummary.error !== undefined
      ? [line("getInputData failed (no key was mapped)", s.inputSummary.error)]
      : []),
    ...s.mapSummary.errors.map((e) => line(`map failed for key ${e.key}`, e.error)),
    ...s.reduceSummary.errors.map((e) => line(`reduce failed for key ${e.key}`, e.error)),
    ...(s.summarizeSummary.error !== undefined ? [line("summarize failed", s.summarizeSummary.error)] : []),
  ].join("");
  const text = `Map/reduce ${s.scriptId}/${s.deploymentId} (concurrency ${s.concurrency}):\n  ${describe(s).replace(/\n/g, "\n  ")}${errors}`;
  return { text, failed, units: s.usage };
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (!["run", "serve", "validate"].includes(positionals[0] ?? "") || positionals.length !== 1) {
    io.err(
      `Unknown command ${positionals.join(" ") || "(none)"}: the commands are "run", "serve" and "validate".\n\n${USAGE}\n`,
    );
    return 2;
  }
  if (positionals[0] === "serve") return serveCommand(values, io);
  if (positionals[0] === "validate") {
    if (!values.project) {
      io.err(`Missing --project.\n\n${USAGE}\n`);
      return 2;
    }
    return validateCommand(
      values.project,
      values.features?.split(",").map((f) => f.trim()),
      io,
    );
  }
  if (!values.project || !values.script) {
    io.err(`Missing ${values.project ? "--script" : "--project"}.\n\n${USAGE}\n`);
    return 2;
  }
  const params: Record<string, string> = {};
  for (const p of values.param ?? []) {
    const eq = p.indexOf("=");
    if (eq <= 0) {
      io.err(`--param ${p}: expected <custscript_id>=<value>.\n`);
      return 2;
    }
    params[p.slice(0, eq)] = p.slice(eq + 1);
  }

  let clock: ReturnType<typeof clockFromFlags>;
  try {
    clock = clockFromFlags(values.latency, values.processors);
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }

  let emulator: NetSuiteEmulator;
  try {
    emulator = await NetSuiteEmulator.open({
      projectDir: values.project,
      ...(clock ? { clock } : {}),
      ...(values.db ? { db: values.db } : {}),
      ...(values.secrets ? { secretsFile: values.secrets } : {}),
      install: !values["no-install"],
    });
  } catch (error) {
    io.err(
      `Cannot open the project ${values.project}: ${(error as Error).name}: ${(error as Error).message}\n`,
    );
    return 2;
  }
  const lines: string[] = [];
  const stop = emulator.log.onEntry((entry) => lines.push(formatEntry(entry)));
  try {
    let run: ScriptRun;
    try {
      run = await emulator.runScript(
        values.script,
        values.deployment,
        Object.keys(params).length ? params : undefined,
      );
    } catch (error) {
      const e = error as Error & { usage?: number };
      const known = /^(SSS_INVALID_SCRIPT_ID_1|INVALID_SCRIPT_DEPLOYMENT_ID_1)$/.test(e.name);
      io.out(`Execution log:\n${lines.join("\n") || "  (empty)"}\n`);
      io.err(`${e.name}: ${e.message}\n`);
      if (!known) io.out(`Units used: ${e.usage ?? 0}\n`);
      return known ? 2 : 1;
    }
    const { text, failed, units } = report(run);
    // With the clock on, the runs the script submitted (N/task) are waited for, to report them too.
    if (clock) await emulator.tasks.idle();
    io.out(
      `Execution log:\n${lines.join("\n") || "  (empty)"}\n\nSummary:\n${text}\n\nUnits used: ${units}\n`,
    );
    if (clock) io.out(modelledReport(run, emulator.tasks.list(), clock));
    return failed ? 1 : 0;
  } finally {
    stop();
    await emulator.close();
  }
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`--${name} ${value}: expected a port number (0-65535).`);
  return n;
}

/** Serves until SIGINT/SIGTERM; 2 for bad usage or a project or seed that does not load. */
async function serveCommand(values: ReturnType<typeof parse>["values"], io: CliIo): Promise<number> {
  if (!values.project) {
    io.err(`Missing --project.\n\n${USAGE}\n`);
    return 2;
  }
  let options: ServeOptions;
  try {
    const appPort = port(values.port, 8080, "port");
    options = {
      project: values.project,
      port: appPort,
      formsPort: port(values["forms-port"], appPort === 0 ? 0 : appPort + 1, "forms-port"),
      host: values.host ?? "127.0.0.1",
      install: !values["no-install"],
      ...(values.db ? { db: values.db } : {}),
      ...(values.secrets ? { secrets: values.secrets } : {}),
      ...(values.seed ? { seed: values.seed } : {}),
    };
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 2;
  }
  let running: { stop: () => Promise<void> };
  try {
    running = await serve(options, io.out);
  } catch (error) {
    io.err(`Cannot serve ${values.project}: ${(error as Error).name}: ${(error as Error).message}\n`);
    return 2;
  }
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await running.stop();
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      project: { type: "string" },
      script: { type: "string" },
      deployment: { type: "string" },
      db: { type: "string" },
      secrets: { type: "string" },
      param: { type: "string", multiple: true },
      "no-install": { type: "boolean" },
      port: { type: "string" },
      "forms-port": { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      features: { type: "string" },
      latency: { type: "string" },
      processors: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** Run when executed (the bin, possibly through a symlink in node_modules/.bin), not when imported by tests. */
function invokedDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
