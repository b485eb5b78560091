/**
 * `--once`'s verdict, read from the account and from Stripe rather than from the mass sync's own
 * report: every customer that can sync (an email, a subsidiary some Stripe account serves) is linked
 * exactly once per serving account and is exactly one Stripe customer there; the only errors are
 * those of customers without email; no Stripe account holds two customers with one email.
 */

import type { FieldValue, NetSuiteEmulator } from "@nss/netsuite-emulator";
import { CUSTOMER_FIELDS, LINK_RECORD } from "@nss/suiteapp/ids";
import type Stripe from "stripe";
import type { SandboxAccount } from "./boot.js";
import { allCustomers } from "./stripe-paced.js";
import type { WebhookCounts } from "./webhook-counts.js";

export interface AccountCheck {
  name: string;
  subsidiary: string;
  /** Customers this account should hold. */
  expected: number;
  /** Of those, linked exactly once in NetSuite and present exactly once in Stripe. */
  linked: number;
  stripeCustomers: number;
  /** Stripe customers sharing an email or a NetSuite customer with another one. */
  duplicates: number;
}

export interface Summary {
  ok: boolean;
  customers: number;
  syncable: number;
  withoutEmail: number;
  accounts: AccountCheck[];
  errors: { expected: number; unexpected: number };
  massSync: Record<string, number>;
  seconds: Record<string, number>;
  /** Stripe's events during the demo, as the webhook proxy counted them. */
  webhooks?: WebhookCounts;
  /** What went wrong, first 20. */
  problems: string[];
}

const text = (v: FieldValue | undefined): string => (v === null || v === undefined ? "" : String(v));

export async function checkDemo(
  ns: NetSuiteEmulator,
  accounts: SandboxAccount[],
  extra: { massSync: Record<string, number>; seconds: Record<string, number>; webhooks?: WebhookCounts },
): Promise<Summary> {
  const problems: string[] = [];
  const subsOf = new Map<string, string[]>();
  for (const r of ns.data.listRecords("customersubsidiaryrelationship")) {
    const key = text(r.values.entity);
    subsOf.set(key, [...(subsOf.get(key) ?? []), text(r.values.subsidiary)]);
  }
  const links = new Map<string, number>();
  for (const l of ns.data.listRecords(LINK_RECORD.type)) {
    if (l.values.isinactive === true) continue;
    const key = `${text(l.values[LINK_RECORD.fields.customer])}/${text(l.values[LINK_RECORD.fields.account])}`;
    links.set(key, (links.get(key) ?? 0) + 1);
  }
  const customers = ns.data.listRecords("customer").filter((c) => c.values.isinactive !== true);
  const checks: AccountCheck[] = [];
  let syncable = 0;
  let withoutEmail = 0;
  let expectedErrors = 0;
  let unexpectedErrors = 0;
  const byAccount = new Map<string, Stripe.Customer[]>();
  for (const a of accounts) byAccount.set(a.recordId, await allCustomers(a.stripe));

  for (const c of customers) {
    const id = String(c.id);
    const served = accounts.filter((a) =>
      (subsOf.get(id) ?? [text(c.values.subsidiary)]).includes(a.subsidiary),
    );
    const hasEmail = text(c.values.email) !== "";
    const failed = c.values[CUSTOMER_FIELDS.syncStatus] === "error";
    if (!hasEmail) {
      withoutEmail++;
      if (failed) expectedErrors++;
      else problems.push(`customer ${id} has no email but was not refused`);
      continue;
    }
    if (served.length === 0) continue;
    syncable++;
    if (failed) {
      unexpectedErrors++;
      problems.push(`customer ${id}: ${text(c.values[CUSTOMER_FIELDS.lastError])}`);
    }
  }

  for (const a of accounts) {
    const inStripe = byAccount.get(a.recordId) ?? [];
    const perCustomer = new Map<string, number>();
    const perEmail = new Map<string, number>();
    for (const s of inStripe) {
      const nsId = s.metadata?.netsuite_customer_id ?? "";
      if (nsId) perCustomer.set(nsId, (perCustomer.get(nsId) ?? 0) + 1);
      if (s.email) perEmail.set(s.email, (perEmail.get(s.email) ?? 0) + 1);
    }
    const duplicates =
      [...perEmail.values()].filter((n) => n > 1).length +
      [...perCustomer.values()].filter((n) => n > 1).length;
    if (duplicates > 0) problems.push(`Stripe account "${a.name}" holds ${duplicates} duplicate customer(s)`);
    let expected = 0;
    let linked = 0;
    for (const c of customers) {
      const id = String(c.id);
      if (text(c.values.email) === "") continue;
      if (!(subsOf.get(id) ?? [text(c.values.subsidiary)]).includes(a.subsidiary)) continue;
      expected++;
      const nLinks = links.get(`${id}/${a.recordId}`) ?? 0;
      const nStripe = perCustomer.get(id) ?? 0;
      if (nLinks === 1 && nStripe === 1) linked++;
      else problems.push(`customer ${id} in "${a.name}": ${nLinks} link(s), ${nStripe} Stripe customer(s)`);
    }
    checks.push({
      name: a.name,
      subsidiary: a.subsidiary,
      expected,
      linked,
      stripeCustomers: inStripe.length,
      duplicates,
    });
  }

  return {
    ok: problems.length === 0,
    customers: customers.length,
    syncable,
    withoutEmail,
    accounts: checks,
    errors: { expected: expectedErrors, unexpected: unexpectedErrors },
    massSync: extra.massSync,
    seconds: extra.seconds,
    ...(extra.webhooks ? { webhooks: extra.webhooks } : {}),
    problems: problems.slice(0, 20),
  };
}
