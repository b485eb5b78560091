/** What the end-to-end suites share: the local TLS certificate, the API secret, and record shorthands. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NetSuiteEmulator, SearchDef } from "@nss/netsuite-emulator";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
/** The Stripe emulator's self-signed certificate (127.0.0.1), trusted by N/https through `httpsCa`. */
export const CERT = readFileSync(join(FIXTURES, "cert.pem"));
export const TLS_KEY = readFileSync(join(FIXTURES, "key.pem"));
/** The API secret the Stripe account records name; its value comes from `env` in each test. */
export const SECRET = "custsecret_nss_stripe_key_default";

/** A search definition for the emulator's data services. */
export const query = (
  type: string,
  columns: SearchDef["columns"],
  filters: SearchDef["filters"] = [],
): SearchDef => ({ id: null, scriptId: null, type, title: null, filters, columns, isPublic: false });

/** Saves a customer in subsidiary 1 as a user in the UI would (user events fire). */
export const saveCustomer = (ns: NetSuiteEmulator, values: Record<string, string>) =>
  ns.saveAsUser({ type: "customer", id: null, isDynamic: false, values: { subsidiary: "1", ...values } });

/** A customer's stored values. */
export const customer = (ns: NetSuiteEmulator, id: number) =>
  ns.data.loadRecord("customer", id, false).values;
