/** The command line of `npm start` / `nss-sandbox`, parsed into options or a usage error. */
import { parseArgs } from "node:util";

export interface SandboxOptions {
  /** Demo customers to seed (a fresh account only). */
  customers: number;
  /** The console's port; the other servers take the next ports. 0: every server on a free port (tests). */
  port: number;
  /** Keep the NetSuite and Stripe SQLite files here across runs; absent: a temp dir removed on exit. */
  db?: string;
  /** Real Stripe test-mode keys (one per Stripe account) instead of the Stripe emulator. */
  stripeKeys: string[];
  /** With real Stripe: the signing secret of `stripe listen`, per key, for forwarded webhooks. */
  webhookSecrets: string[];
  /** Run the demo, print a JSON summary and stop. */
  once: boolean;
  /** Interface every server binds to. */
  host: string;
}

export const DEFAULTS = { customers: 300, port: 8080, host: "127.0.0.1" } as const;

export const USAGE = `nss-sandbox: the whole netsuite-stripe-sync system on this machine (npm start).

Starts the Stripe emulator, the NetSuite emulator serving the built SuiteApp with two Stripe accounts
for two subsidiaries and webhooks enabled through the proxy, seeds a demo account, runs the mass sync
and serves a console. Ctrl-C stops everything.

Usage: npm start -- [options]      (or: node packages/sandbox/dist/cli.js [options])

  --customers N          demo customers to seed (default ${DEFAULTS.customers})
  --port P               the console's port (default ${DEFAULTS.port}); the NetSuite app, its forms
                         domain, the Stripe emulator and the proxy take the next ports
  --db DIR               keep the NetSuite and Stripe data in DIR across runs (default: a temp dir,
                         removed on exit); a second run on existing data does not seed again
  --stripe-key sk_test_… real Stripe in test mode instead of the emulator; give it twice for the
                         second subsidiary's account (needs the internet, and \`stripe listen\` for
                         webhooks: see the README)
  --webhook-secret whsec_… with --stripe-key: the secret \`stripe listen --print-secret\` shows (once
                         per key); the sandbox then prints the \`stripe listen --forward-to\` URL
  --once                 run the demo, print a JSON summary and exit: 0 when every customer that
                         can sync is linked once per Stripe account with no duplicate, else 1
  --help                 this text

Exit status: 0 done (or stopped with Ctrl-C), 1 the demo's check failed, 2 bad options or a port in use.`;

export type Parsed =
  | { ok: true; options: SandboxOptions }
  | { ok: false; help: true }
  | { ok: false; error: string };

const integer = (name: string, text: string, min: number, max: number): number | string => {
  const n = Number(text);
  return /^\d+$/.test(text) && n >= min && n <= max
    ? n
    : `${name} must be a whole number from ${min} to ${max}`;
};

export function parseOptions(argv: string[]): Parsed {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if (values.help) return { ok: false, help: true };
  const customers = integer("--customers", values.customers ?? String(DEFAULTS.customers), 1, 100_000);
  if (typeof customers === "string") return { ok: false, error: customers };
  // The base port and the six after it must all be valid ports.
  const port = integer("--port", values.port ?? String(DEFAULTS.port), 0, 65_535 - 6);
  if (typeof port === "string") return { ok: false, error: port };
  const stripeKeys = values["stripe-key"] ?? [];
  if (stripeKeys.length > 2)
    return { ok: false, error: "--stripe-key is given once or twice (one per account)" };
  for (const key of stripeKeys) {
    // Live keys would sync demo data into a real account: refused.
    if (!/^(sk|rk)_test_[A-Za-z0-9]+$/.test(key)) {
      return { ok: false, error: "--stripe-key must be a Stripe test-mode secret key (sk_test_…)" };
    }
  }
  const webhookSecrets = values["webhook-secret"] ?? [];
  if (webhookSecrets.length > stripeKeys.length) {
    return { ok: false, error: "--webhook-secret goes with --stripe-key: at most one per key" };
  }
  if (webhookSecrets.some((w) => !/^whsec_[A-Za-z0-9]+$/.test(w))) {
    return { ok: false, error: "--webhook-secret must be a signing secret (whsec_…)" };
  }
  return {
    ok: true,
    options: {
      customers,
      port,
      ...(values.db ? { db: values.db } : {}),
      stripeKeys,
      webhookSecrets,
      once: values.once ?? false,
      host: DEFAULTS.host,
    },
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      customers: { type: "string" },
      port: { type: "string" },
      db: { type: "string" },
      "stripe-key": { type: "string", multiple: true },
      "webhook-secret": { type: "string", multiple: true },
      once: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
