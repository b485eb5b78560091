/** What the end-to-end suites share: the local TLS certificate, the API secret, opening the SuiteApp, record shorthands. */
import { mkdtempSync, readFileSync } from "node:fs";
import { Agent as HttpsAgent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ClockOptions, NetSuiteEmulator, type SearchDef } from "@nss/netsuite-emulator";
import Stripe from "stripe";
import { emulatorProjectDir } from "./project.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
/** The Stripe emulator's self-signed certificate (127.0.0.1), trusted by N/https through `httpsCa`. */
export const CERT = readFileSync(join(FIXTURES, "cert.pem"));
export const TLS_KEY = readFileSync(join(FIXTURES, "key.pem"));
/** The API secret the Stripe account records name; its value comes from `env` in each test. */
export const SECRET = "custsecret_nss_stripe_key_default";

/**
 * Who the tests act as: a user whose role is the SuiteApp's own (not an administrator), as a finance
 * clerk given the shipped role would be; setting the SuiteApp up (account records, the configuration)
 * is the administrator's.
 */
export const SYNC_USER = { role: "customrole_nss_sync", name: "Sam Clerk", email: "sam@example.com" };
export const ADMIN = { role: "administrator" };

/** A role the account's administrator made, as most accounts have: customers, nothing of the SuiteApp. */
export const AR_CLERK_ROLE = {
  scriptId: "customrole_test_ar_clerk",
  name: "A/R Clerk",
  permissions: { LIST_CUSTJOB: "EDIT" as const },
};
export const AR_CLERK = { role: AR_CLERK_ROLE.scriptId, name: "Ann Clerk" };

/** A search definition for the emulator's data services. */
export const query = (
  type: string,
  columns: SearchDef["columns"],
  filters: SearchDef["filters"] = [],
): SearchDef => ({ id: null, scriptId: null, type, title: null, filters, columns, isPublic: false });

/** Saves a customer in subsidiary 1 as a user in the UI would (user events fire): the tests' user, or `user`. */
export const saveCustomer = (ns: NetSuiteEmulator, values: Record<string, string>, user?: { role: string }) =>
  ns.saveAsUser(
    { type: "customer", id: null, isDynamic: false, values: { subsidiary: "1", ...values } },
    user ? { user } : {},
  );

/** A customer's stored values. */
export const customer = (ns: NetSuiteEmulator, id: number) =>
  ns.data.loadRecord("customer", id, false).values;

/** The test key as the environment gives API secrets to the NetSuite emulator. */
export const secretEnv = (key: string, secret = SECRET): Record<string, string> => ({
  [`NSS_SECRET_${secret.toUpperCase()}`]: key,
});

/** A Stripe SDK client of the Stripe emulator, trusting its certificate. */
export const stripeClient = (key: string, port: number): Stripe =>
  new Stripe(key, { host: "127.0.0.1", port, protocol: "https", httpAgent: new HttpsAgent({ ca: CERT }) });

/** One Stripe account record to create: served subsidiary and API secret (default `SECRET`). */
export interface StripeAccountDef {
  name: string;
  subsidiary: string;
  secret?: string;
}

/** Folders and emulators a suite opened, for its afterAll to close and remove. */
export interface Opened {
  dirs: string[];
  emulators: NetSuiteEmulator[];
}

/**
 * The SuiteApp in a fresh account (its installation runs), with Stripe account records pointing at the
 * Stripe emulator at `stripeUrl`, and Auto Sync on Create as asked (the installation turns it on).
 */
export async function openSuiteApp(options: {
  stripeUrl: string;
  env: Record<string, string>;
  opened: Opened;
  accounts?: StripeAccountDef[];
  autoSync?: boolean;
  projectDir?: string;
  /** The account's features (default: OneWorld). */
  features?: readonly string[];
  /** NetSuite's clock (traces of round trips), as the emulator takes it. */
  clock?: ClockOptions;
}): Promise<{ ns: NetSuiteEmulator; accountRecords: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), "nss-e2e-"));
  options.opened.dirs.push(dir);
  const ns = await NetSuiteEmulator.open({
    projectDir: options.projectDir ?? emulatorProjectDir(),
    db: join(dir, "account.sqlite"),
    env: options.env,
    httpsCa: CERT,
    user: SYNC_USER,
    roles: [AR_CLERK_ROLE],
    ...(options.features ? { features: options.features } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  options.opened.emulators.push(ns);
  const accountRecords: number[] = [];
  for (const [i, a] of (options.accounts ?? [{ name: "Main", subsidiary: "1" }]).entries()) {
    accountRecords.push(
      await ns.saveAsUser(
        {
          type: "customrecord_nss_stripe_account",
          id: null,
          isDynamic: false,
          values: {
            name: a.name,
            custrecord_nss_acct_account_id: `acct_1NssTest${i}`,
            custrecord_nss_acct_secret_id: a.secret ?? SECRET,
            custrecord_nss_acct_ident_field: "subsidiary",
            custrecord_nss_acct_ident_value: a.subsidiary,
            custrecord_nss_acct_api_base: options.stripeUrl,
          },
        },
        { user: ADMIN },
      ),
    );
  }
  if (options.autoSync !== undefined) await setAutoSync(ns, options.autoSync);
  return { ns, accountRecords };
}

/** Turns Auto Sync on Create on or off in the configuration record. */
export async function setAutoSync(ns: NetSuiteEmulator, on: boolean): Promise<void> {
  const [config] = ns.data.runSearch(query("customrecord_nss_config", [{ name: "internalid" }]), 0, 1).rows;
  const record = ns.data.loadRecord("customrecord_nss_config", Number(config?.id), false);
  await ns.saveAsUser(
    { ...record, values: { ...record.values, custrecord_nss_cfg_auto_sync: on } },
    { user: ADMIN },
  );
}
