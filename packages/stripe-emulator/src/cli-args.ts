// Command-line arguments for `nss-stripe-emulator`. Pure: returns options or a message, never exits.

export interface CliOptions {
  port: number;
  host: string;
  /** SQLite file; absent means an in-memory store. */
  db?: string;
  /** Requests per second per account before 429 responses; 0 turns limiting off. */
  rateLimit?: number;
  /** Stripe's documented limits (global by mode, per operation, search) on or off. */
  rateLimits?: "stripe" | "off";
  /** How long a write takes to become visible to search, like Stripe's search index. */
  searchLagMs?: number;
  /** Multiplies webhook retry delays: 1 is real time, 0.0001 brings retries within seconds. */
  retryScale?: number;
  help: boolean;
}

export type CliParseResult = { ok: true; options: CliOptions } | { ok: false; message: string };

export const DEFAULT_PORT = 12111;
export const DEFAULT_HOST = "127.0.0.1";

const VALUE_FLAGS = [
  "--port",
  "--host",
  "--db",
  "--rate-limit",
  "--rate-limits",
  "--search-lag-ms",
  "--retry-scale",
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
/** Every option the command takes. */
export const CLI_FLAGS: readonly string[] = [...VALUE_FLAGS, "--help"];

function isValueFlag(flag: string): flag is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(flag);
}

export function usageText(): string {
  return `Usage: nss-stripe-emulator [options]

A stateful local Stripe API. Point the Stripe SDK at it with
  new Stripe("sk_test_anything", { host: "localhost", port: ${DEFAULT_PORT}, protocol: "http" })

Options:
  --port N            Port to listen on, 0 for any free port (default ${DEFAULT_PORT})
  --host HOST         Interface to bind (default ${DEFAULT_HOST})
  --db FILE           Keep state in this SQLite file (default: in memory)
  --rate-limits MODE  stripe: Stripe's limits per account, 100/s live and 25/s test keys,
                      25/s per operation, 20/s per search operation; off (default)
  --rate-limit N      One limit per account, live or test, in requests per second
                      (0: off); replaces the global one of --rate-limits stripe
  --search-lag-ms N   Delay before writes show up in search results
  --retry-scale X     Multiply webhook retry delays by X (1: real time, e.g. 0.0001)
  -h, --help          Show this help

Values may be given as --flag value or --flag=value.
`;
}

/** Levenshtein distance, for "did you mean" on mistyped flags. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function unknownFlag(flag: string): string {
  const close = CLI_FLAGS.find((known) => distance(flag, known) <= 2);
  return `unknown option ${flag}${close ? ` (did you mean ${close}?)` : ""}`;
}

const INTEGER = /^\d+$/;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/** Applies one flag's value to `options`, or says what is wrong with it. */
function apply(options: CliOptions, flag: ValueFlag, value: string): string | null {
  switch (flag) {
    case "--port": {
      const port = Number(value);
      if (!INTEGER.test(value) || port > 65535)
        return `--port must be an integer from 0 to 65535, got "${value}"`;
      options.port = port;
      return null;
    }
    case "--host":
      if (value.trim() === "") return "--host must not be empty";
      options.host = value;
      return null;
    case "--db":
      if (value.trim() === "") return "--db must name a file";
      options.db = value;
      return null;
    case "--rate-limit":
    case "--search-lag-ms": {
      if (!INTEGER.test(value)) return `${flag} must be a non-negative integer, got "${value}"`;
      if (flag === "--rate-limit") options.rateLimit = Number(value);
      else options.searchLagMs = Number(value);
      return null;
    }
    case "--rate-limits":
      if (value !== "stripe" && value !== "off") return `--rate-limits must be stripe or off, got "${value}"`;
      options.rateLimits = value;
      return null;
    case "--retry-scale":
      if (!DECIMAL.test(value)) return `--retry-scale must be a non-negative number, got "${value}"`;
      options.retryScale = Number(value);
      return null;
  }
}

/** Parses `process.argv.slice(2)`. A flag given twice keeps its last value, so scripts can override. */
export function parseCliArgs(argv: string[]): CliParseResult {
  const options: CliOptions = { port: DEFAULT_PORT, host: DEFAULT_HOST, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("-") || arg === "-" || arg === "--") {
      return { ok: false, message: `unexpected argument "${arg}"` };
    }
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    if (flag === "--help" || flag === "-h") {
      if (inline !== undefined) return { ok: false, message: `${flag} does not take a value` };
      options.help = true;
      continue;
    }
    if (!isValueFlag(flag)) return { ok: false, message: unknownFlag(flag) };
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // A following flag is not a value: `--db --port 1` is a missing --db, not a file named "--port".
      if (next === undefined || next.startsWith("--")) return { ok: false, message: `${flag} needs a value` };
      value = next;
      i++;
    }
    const problem = apply(options, flag, value);
    if (problem !== null) return { ok: false, message: problem };
  }
  return { ok: true, options };
}
