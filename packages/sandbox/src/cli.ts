#!/usr/bin/env node
/**
 * `nss-sandbox` (what `npm start` runs): parses the options, runs the demo, and stops cleanly on
 * Ctrl-C (servers closed, the temp dir removed, exit 0); a second Ctrl-C leaves at once.
 */
import { parseOptions, USAGE } from "./options.js";
import { PortInUseError } from "./ports.js";
import { type RunningSandbox, runSandbox, StoppedError } from "./run-sandbox.js";

const parsed = parseOptions(process.argv.slice(2));
if (!parsed.ok) {
  if ("help" in parsed) {
    console.log(USAGE);
    process.exit(0);
  }
  console.error(`nss-sandbox: ${parsed.error}\nRun with --help for the options.`);
  process.exit(2);
}
const { options } = parsed;

const stop = new AbortController();
let running: RunningSandbox | undefined;
let stopping = false;
const onSignal = () => {
  if (stopping) process.exit(130);
  stopping = true;
  process.stderr.write("\nStopping…\n");
  stop.abort();
  // Once started, close here; during startup runSandbox closes at its next step.
  if (running) void running.close().then(() => process.exit(0));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

try {
  running = await runSandbox(options, { signal: stop.signal });
  if (options.once) {
    console.log(JSON.stringify(running.summary, null, 2));
    process.exit(running.summary?.ok ? 0 : 1);
  }
  if (stopping) {
    await running.close();
    process.exit(0);
  }
} catch (error) {
  if (error instanceof StoppedError) process.exit(0);
  if (error instanceof PortInUseError) {
    console.error(`nss-sandbox: ${error.message}`);
    process.exit(2);
  }
  // The message says what went wrong; NSS_DEBUG=1 adds the stack.
  const detail = error instanceof Error && process.env.NSS_DEBUG ? error.stack : undefined;
  console.error(`nss-sandbox: ${detail ?? (error instanceof Error ? error.message : String(error))}`);
  process.exit(1);
}
