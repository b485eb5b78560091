/**
 * The demo account: N customers from faker with a fixed seed (the same account on every run),
 * written as data (no user event fires, so nothing syncs until the mass sync runs). A realistic mix:
 * companies and individuals in several countries, some shared with the Europe subsidiary, some
 * without email (the sync must refuse them), and some whose email a Stripe customer already has
 * (created first through the SDK, so the sync links rather than creates).
 */
import {
  type Faker,
  fakerDE,
  fakerEN_AU,
  fakerEN_CA,
  fakerEN_GB,
  fakerEN_US,
  fakerES,
  fakerFR,
  fakerNB_NO,
  fakerNL,
  fakerSV,
} from "@faker-js/faker";
import type { FieldValue, NetSuiteEmulator } from "@nss/netsuite-emulator";
import type { SandboxAccount } from "./boot.js";
import { paced } from "./stripe-paced.js";

const SEED = 20_260_801;
/** Parent Company (subsidiary 1) sells in these countries, Europe (subsidiary 2) in the others. */
const COUNTRIES: { code: string; faker: Faker; europe: boolean; states: boolean }[] = [
  { code: "US", faker: fakerEN_US, europe: false, states: true },
  { code: "CA", faker: fakerEN_CA, europe: false, states: true },
  { code: "GB", faker: fakerEN_GB, europe: false, states: false },
  { code: "AU", faker: fakerEN_AU, europe: false, states: true },
  { code: "DE", faker: fakerDE, europe: true, states: false },
  { code: "FR", faker: fakerFR, europe: true, states: false },
  { code: "NO", faker: fakerNB_NO, europe: true, states: false },
  { code: "SE", faker: fakerSV, europe: true, states: false },
  { code: "NL", faker: fakerNL, europe: true, states: false },
  { code: "ES", faker: fakerES, europe: true, states: false },
];

export interface SeededCustomer {
  id: number;
  email: string | null;
  /** Primary first. */
  subsidiaries: string[];
  /** A Stripe customer had this email before the sync (it must be linked, not duplicated). */
  preexisting: boolean;
}

export interface SeedResult {
  customers: SeededCustomer[];
  preexistingStripeCustomers: number;
  seconds: number;
}

/** What the seed decides for customer i; `rand` is the seeded base faker's number source. */
function plan(rand: () => number, twoAccounts: boolean) {
  const r = rand();
  return {
    person: rand() < 0.4,
    noEmail: r < 0.04,
    preexisting: r >= 0.04 && r < 0.12,
    europe: twoAccounts && rand() < 0.3,
    shared: twoAccounts && rand() < 0.12,
  };
}

export async function seedDemo(
  ns: NetSuiteEmulator,
  accounts: SandboxAccount[],
  count: number,
): Promise<SeedResult> {
  const started = performance.now();
  for (const c of COUNTRIES) c.faker.seed(SEED);
  fakerEN_US.seed(SEED);
  const rand = () => fakerEN_US.number.float({ min: 0, max: 1 });
  const twoAccounts = accounts.length > 1;
  const usedEmails = new Set<string>();
  const customers: SeededCustomer[] = [];
  let preexistingStripeCustomers = 0;

  for (let i = 0; i < count; i++) {
    const p = plan(rand, twoAccounts);
    // At least one customer without email, so the demo always shows the sync's refusal.
    const noEmail = p.noEmail || i === 3;
    const pool = COUNTRIES.filter((c) => c.europe === p.europe);
    const country = pool[Math.floor(rand() * pool.length)] as (typeof COUNTRIES)[number];
    const f = country.faker;
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    const company = p.person ? null : f.company.name();
    let email: string | null = null;
    if (!noEmail) {
      email = f.internet.exampleEmail({ firstName, lastName }).toLowerCase();
      // Unique, except where the demo wants a Stripe customer to share it.
      while (usedEmails.has(email)) email = email.replace("@", `${i}@`);
      usedEmails.add(email);
    }
    const primary = p.europe ? "2" : "1";
    const subsidiaries = p.shared ? [primary, primary === "1" ? "2" : "1"] : [primary];
    const values: Record<string, FieldValue> = {
      subsidiary: primary,
      phone: f.phone.number({ style: "international" }),
      billaddress1: f.location.streetAddress(),
      billcity: f.location.city(),
      billzipcode: f.location.zipCode(),
      billcountry: country.code,
      ...(country.states ? { billstate: f.location.state({ abbreviated: true }) } : {}),
      ...(email ? { email } : {}),
      ...(company ? { companyname: company } : { isperson: true, firstname: firstName, lastname: lastName }),
    };
    const preexisting = p.preexisting && email !== null;
    if (preexisting && email) {
      // The Stripe account of its primary subsidiary already knows this email, from before NetSuite.
      const account = accounts.find((a) => a.subsidiary === primary) ?? accounts[0];
      const stripe = account?.stripe;
      await paced(async () =>
        stripe?.customers.create({
          email,
          name: company ?? `${firstName} ${lastName}`,
          description: "Created in Stripe before the sync (sandbox demo)",
        }),
      );
      preexistingStripeCustomers++;
    }
    const id = ns.data.seedCustomer(values);
    for (const sub of subsidiaries.slice(1)) ns.data.seedCustomerSubsidiary(id, Number(sub));
    customers.push({ id, email, subsidiaries, preexisting });
  }
  return { customers, preexistingStripeCustomers, seconds: (performance.now() - started) / 1000 };
}
