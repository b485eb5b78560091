import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cli, cliRun } from "./helpers/cli.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Log lines without their timestamps. */
const untimed = (text: string) =>
  text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /g, "").replace(/ in [\d.]+ s\b/g, " in N s");

describe("nss-netsuite-emulator CLI", () => {
  it("prints help", async () => {
    const { code, out } = await cli("--help");
    expect(code).toBe(0);
    expect(out).toContain(
      "Usage: nss-netsuite-emulator run --project <sdf dir> --script <scriptid> [options]",
    );
  });

  it("runs a map/reduce deployment and prints its log, summary and units", async () => {
    const { code, out, err } = await cliRun(fixture("runner-mr"), "customscript_rmr_errors");
    expect(err).toBe("");
    expect(code).toBe(1);
    const text = untimed(out);
    expect(text).toContain("Execution log:\n");
    expect(text).toContain(
      "  ERROR     customscript_rmr_errors/customdeploy_rmr_errors map: map: RMR_BAD — bad input throws\n",
    );
    expect(text).toContain(
      [
        "Summary:",
        "Map/reduce customscript_rmr_errors/customdeploy_rmr_errors (concurrency 1):",
        "  getInputData: 5 keys, 0 units",
        "  map: 5 keys, 4 errors, 1000 units",
        "  reduce: 1 keys, 1 errors, 0 units",
        "  summarize: 0 units",
      ].join("\n"),
    );
    expect(text).toContain("  map failed for key bad: RMR_BAD: bad input throws\n");
    expect(text).toContain("  reduce failed for key ok: Error: reduce failed for ok\n");
    expect(text.endsWith("\n\nUnits used: 1000\n")).toBe(true);
  });

  it("says which stage failed when getInputData throws", async () => {
    const { code, out } = await cliRun(fixture("runner-mr"), "customscript_rmr_badinput");
    expect(code).toBe(1);
    expect(out).toContain("\n  getInputData failed (no key was mapped): RMR_NO_INPUT: cannot read input\n");
  });

  it("runs a scheduled deployment with a parameter and exits 0", async () => {
    const { code, out } = await cliRun(
      fixture("runner-misc"),
      "customscript_rms_hello",
      "--deployment",
      "customdeploy_rms_hello",
      "--no-install",
    );
    expect(code).toBe(0);
    expect(untimed(out)).toBe(
      [
        "Execution log:",
        "  AUDIT     customscript_rms_hello/customdeploy_rms_hello execute: hello — ON_DEMAND",
        "",
        "Summary:",
        "Scheduled script customscript_rms_hello/customdeploy_rms_hello completed in N s.",
        "",
        "Units used: 0",
        "",
      ].join("\n"),
    );
  });

  it("lists the scripts when the script is unknown (exit 2)", async () => {
    const { code, err } = await cliRun(fixture("runner-misc"), "customscript_nope", "--no-install");
    expect(code).toBe(2);
    expect(err).toBe(
      "SSS_INVALID_SCRIPT_ID_1: No script customscript_nope in the project. Scripts: customscript_rms_again (scheduledscript), customscript_rms_check (scheduledscript), customscript_rms_hello (scheduledscript), customscript_rms_mr (mapreducescript), customscript_rms_ping (scheduledscript), customscript_rms_submit (scheduledscript).\n",
    );
  });

  it("reports usage errors and a project that does not load (exit 2)", async () => {
    expect((await cli("run", "--script", "x")).code).toBe(2);
    expect((await cli("frobnicate")).err).toContain(
      'Unknown command frobnicate: the commands are "run", "serve" and "validate".',
    );
    const missing = await cliRun(fixture("nope"), "x");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`Cannot open the project ${fixture("nope")}: `);
  });

  it("validate: checks a project without running it, and names each problem", async () => {
    const clean = await cli("validate", "--project", fixture("sdf-project"));
    expect(clean.code).toBe(0);
    expect(clean.out).toContain("objects checked against Oracle's SDF XML reference.");
    expect(clean.out).toContain("No errors.");
    const ok = await cli("validate", "--project", fixture("access-project"));
    expect(ok.code).toBe(1);
    expect(ok.out).toContain("1 error(s).");
    expect(ok.out).toContain(
      "warning src/Objects/customscript_ax_sl.xml: customdeploy_ax_public is available without login and has no Execute as Role",
    );
    expect(ok.out).toContain(
      "error src/Objects/customscript_ax_sl.xml: customdeploy_ax_public_internal_only is available without login but its audience lacks ONLINE_FORM_USER",
    );
    const bad = await cli("validate", "--project", fixture("bad-unknown-element"));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("<mapreducescript>: unknown element <foo>");
  });
});
