/** The `nss-netsuite-emulator` command run in process, for the CLI tests. */
import { main } from "../../src/cli.js";

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the command with `argv`, its output and errors captured. */
export async function cli(...argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(""), err: err.join("") };
}

/** `run --project <project> --script <script>` and any further options. */
export function cliRun(project: string, script: string, ...options: string[]): Promise<CliResult> {
  return cli("run", "--project", project, "--script", script, ...options);
}
