/**
 * The console's customers, a page at a time, each beside its Stripe customer in every account that
 * serves it, read fresh on every page view: NetSuite through the emulator's data services
 * (synchronous SQLite reads, no governance, no user events) and Stripe through each account's SDK
 * client, one auto-paged `customers.list` per account so that 300 customers cost three requests, not 300.
 */

import type { FieldValue } from "@nss/netsuite-emulator";
import { CUSTOMER_FIELDS, LINK_RECORD } from "@nss/suiteapp/ids";
import type Stripe from "stripe";
import type { ConsoleDeps } from "./types.js";

// Core's metadata key (packages/core/src/stripe-metadata.ts, NETSUITE_CUSTOMER_ID_KEY).
const CUSTOMER = CUSTOMER_FIELDS;
const LINK = LINK_RECORD.fields;
const NETSUITE_CUSTOMER_ID_KEY = "netsuite_customer_id";

export const PAGE_SIZE = 50;
/** Most Stripe customers read per account and page view; beyond it the console says the list is cut. */
const STRIPE_LIST_CAP = 10_000;

/** A Stripe customer as the console needs it. */
export interface StripeCustomer {
  email: string | null;
  name: string | null;
}

/** What one account's Stripe holds, or why it could not be read. */
interface StripeListing {
  byId: Map<string, StripeCustomer>;
  /** metadata.netsuite_customer_id → Stripe customer IDs carrying it. */
  byNetSuiteId: Map<string, string[]>;
  count: number;
  capped: boolean;
  error?: string;
}

export interface LinkCell {
  stripeId: string;
  subsidiary: string;
  /** The Stripe customer as Stripe has it; null: not in the account's list; undefined: Stripe unreadable. */
  stripe: StripeCustomer | null | undefined;
}

export interface CustomerRow {
  id: number;
  name: string;
  email: string;
  subsidiary: string;
  inactive: boolean;
  status: string;
  lastSync: string;
  lastError: string;
  defaultPm: string;
  portalLink: string;
  /** The customer's Stripe Customer ID field (its primary subsidiary's account). */
  stripeIdField: string;
  /** One entry per account, in `deps.accounts` order: the customer's link records there. */
  links: LinkCell[][];
}

export interface AccountSummary {
  name: string;
  subsidiary: string;
  /** Customers with at least one active link record in this account. */
  linked: number;
  stripeCustomers: number | null;
  capped: boolean;
  /** Stripe customers naming the same NetSuite customer in their metadata. */
  duplicates: { netsuiteId: string; stripeIds: string[] }[];
  error?: string;
}

export interface CustomersView {
  summary: { customers: number; failed: number; emailMissing: number; accounts: AccountSummary[] };
  rows: CustomerRow[];
  query: string;
  page: number;
  pages: number;
  /** Customers matching the query. */
  matching: number;
}

/** A stored value as text (a multiselect's IDs joined by commas). */
export const str = (v: FieldValue | undefined): string =>
  v === null || v === undefined ? "" : Array.isArray(v) ? v.join(",") : String(v);

/** A customer's display name as NetSuite builds it: entity ID, company name, or first and last name. */
function customerName(id: number, v: Record<string, FieldValue>): string {
  const person = [str(v.firstname), str(v.lastname)].filter(Boolean).join(" ");
  return str(v.entityid) || str(v.companyname) || person || String(id);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function listStripe(stripe: Stripe): Promise<StripeListing> {
  const byId = new Map<string, StripeCustomer>();
  const byNetSuiteId = new Map<string, string[]>();
  try {
    const customers = await stripe.customers
      .list({ limit: 100 })
      .autoPagingToArray({ limit: STRIPE_LIST_CAP });
    for (const c of customers) {
      byId.set(c.id, { email: c.email ?? null, name: c.name ?? null });
      const nsId = c.metadata?.[NETSUITE_CUSTOMER_ID_KEY];
      if (nsId) byNetSuiteId.set(nsId, [...(byNetSuiteId.get(nsId) ?? []), c.id]);
    }
    return { byId, byNetSuiteId, count: customers.length, capped: customers.length >= STRIPE_LIST_CAP };
  } catch (error) {
    // One unreachable account must not take the page down: its cells say "unknown" instead.
    return { byId, byNetSuiteId, count: 0, capped: false, error: errorMessage(error) };
  }
}

function matches(row: { id: number; name: string; email: string; companyname: string }, q: string): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return (
    String(row.id) === q ||
    row.name.toLowerCase().includes(needle) ||
    row.companyname.toLowerCase().includes(needle) ||
    row.email.toLowerCase().includes(needle)
  );
}

export async function readCustomers(
  deps: ConsoleDeps,
  options: { query: string; page: number },
): Promise<CustomersView> {
  // Start Stripe first: the NetSuite reads below are synchronous and the requests can go out meanwhile.
  const listings = Promise.all(deps.accounts.map((a) => listStripe(a.stripe)));
  const { data } = deps.ns;

  const accountIndex = new Map(deps.accounts.map((a, i) => [a.recordId, i]));
  const subsidiaryNames = new Map<string, string>();
  const subsidiaryName = (id: string): string => {
    if (!id) return "";
    let name = subsidiaryNames.get(id);
    if (name === undefined) {
      name = data.recordName("subsidiary", id);
      subsidiaryNames.set(id, name);
    }
    return name;
  };

  // Active link records by customer, then by account.
  const links = new Map<number, { account: number; stripeId: string; subsidiary: string }[]>();
  for (const r of data.listRecords(LINK_RECORD.type)) {
    if (r.values.isinactive === true) continue;
    const account = accountIndex.get(str(r.values[LINK.account]));
    const customer = Number(str(r.values[LINK.customer]));
    if (account === undefined || !customer) continue;
    const list = links.get(customer) ?? [];
    list.push({
      account,
      stripeId: str(r.values[LINK.stripeId]),
      subsidiary: subsidiaryName(str(r.values[LINK.subsidiary])),
    });
    links.set(customer, list);
  }

  const all = data.listRecords("customer").map((r) => {
    const v = r.values;
    return {
      id: r.id,
      v,
      name: customerName(r.id, v),
      companyname: str(v.companyname),
      email: str(v.email),
      status: str(v[CUSTOMER.syncStatus]),
    };
  });
  const matching = all.filter((c) => matches(c, options.query));
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pages);
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const stripe = await listings;
  const linkedCount = deps.accounts.map(() => new Set<number>());
  for (const [customer, list] of links) for (const l of list) linkedCount[l.account]?.add(customer);

  const rows: CustomerRow[] = shown.map((c) => ({
    id: c.id,
    name: c.name,
    email: c.email,
    subsidiary: subsidiaryName(str(c.v.subsidiary)),
    inactive: c.v.isinactive === true,
    status: c.status,
    lastSync: str(c.v[CUSTOMER.lastSync]),
    lastError: str(c.v[CUSTOMER.lastError]),
    defaultPm: str(c.v[CUSTOMER.defaultPaymentMethod]),
    portalLink: str(c.v[CUSTOMER.portalLink]),
    stripeIdField: str(c.v[CUSTOMER.stripeCustomerId]),
    links: deps.accounts.map((_, i) =>
      (links.get(c.id) ?? [])
        .filter((l) => l.account === i)
        .map((l) => {
          const listing = stripe[i];
          return {
            stripeId: l.stripeId,
            subsidiary: l.subsidiary,
            stripe: !listing || listing.error ? undefined : (listing.byId.get(l.stripeId) ?? null),
          };
        }),
    ),
  }));

  return {
    summary: {
      customers: all.length,
      failed: all.filter((c) => c.status === "error").length,
      emailMissing: all.filter((c) => !c.email).length,
      accounts: deps.accounts.map((a, i) => {
        const listing = stripe[i];
        return {
          name: a.name,
          subsidiary: subsidiaryName(a.subsidiary),
          linked: linkedCount[i]?.size ?? 0,
          stripeCustomers: listing && !listing.error ? listing.count : null,
          capped: listing?.capped ?? false,
          duplicates: [...(listing?.byNetSuiteId ?? [])]
            .filter(([, ids]) => ids.length > 1)
            .map(([netsuiteId, stripeIds]) => ({ netsuiteId, stripeIds })),
          ...(listing?.error ? { error: listing.error } : {}),
        };
      }),
    },
    rows,
    query: options.query,
    page,
    pages,
    matching: matching.length,
  };
}
