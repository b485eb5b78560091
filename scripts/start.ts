/**
 * `npm start` until the NetSuite emulator exists: one NetSuite customer taken through the real core,
 * step by step, with every Stripe request checked against Stripe's contract and a Stripe-signed
 * webhook verified into the envelope NetSuite receives; then the same sync carried out over HTTP
 * against the Stripe emulator. Prints what each step decided; exits non-zero if any step does not do
 * what it should.
 */
import {
  accountsForCustomer,
  buildEnvelope,
  type ColumnValue,
  createIdempotencyKey,
  describeIssues,
  encodeForm,
  type FormParams,
  fingerprint,
  mapCustomer,
  planLookup,
  type Result,
  resolveMatches,
  STRIPE_API_VERSION,
  signStripePayload,
  summarizePaymentMethod,
  validateConfig,
  verifyStripeSignature,
} from "@nss/core";
import { contract, decodeForm, fixture, validateRequest } from "@nss/stripe-spec";
import { demoAgainstEmulator } from "./start-stripe.js";

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const step = (n: number, title: string) => console.log(`\n${bold(`${n}. ${title}`)}`);
const show = (label: string, value: unknown) =>
  console.log(`   ${label}: ${typeof value === "string" ? value : JSON.stringify(value)}`);

function must<T>(result: Result<T>, what: string): T {
  if (result.ok) return result.value;
  console.error(`\n${what} failed:\n${describeIssues(result.errors)}`);
  process.exit(1);
}

/** Sends params through the wire format and Stripe's contract, as the Stripe emulator will. */
function checkWithStripe(method: string, path: string, params: FormParams): string {
  const body = encodeForm(params);
  const decoded = decodeForm(body);
  const answer = decoded.ok ? validateRequest(method, path, decoded.params) : decoded;
  if (!answer.ok) {
    console.error(`\nStripe would refuse ${method} ${path}: ${answer.error.message}`);
    process.exit(1);
  }
  return body;
}

console.log(bold("netsuite-stripe-sync: the sync domain at work"));
console.log(
  `Stripe API ${STRIPE_API_VERSION}, contract from ${contract.source.repository} (${contract.source.file})`,
);
console.log("Steps 1–8 run core alone; step 9 runs it over HTTP against the local Stripe emulator.");

step(1, "The configuration is checked, every problem at once");
const bad = validateConfig({ accounts: [{ name: "EU", accountId: "acct 1", secretId: "" }] });
if (bad.ok) throw new Error("a broken configuration was accepted");
for (const issue of bad.errors.slice(0, 3)) show(issue.code, `${issue.message} → ${issue.fix}`);
const config = must(
  validateConfig({
    accounts: [
      { name: "US", accountId: "acct_1USdemo", secretId: "custsecret_nss_us", identifierValue: "1" },
      { name: "EU", accountId: "acct_1EUdemo", secretId: "custsecret_nss_eu", identifierValue: "3" },
    ],
    searches: {
      singleSync: "customsearch_nss_single_sync",
      massSync: "customsearch_nss_mass_sync",
      defaultPaymentMethod: "customsearch_nss_default_pm",
    },
  }),
  "the configuration",
);
show("valid", `${config.accounts.length} Stripe accounts, sync field ${config.syncField}`);

step(2, "Which Stripe accounts serve customer 107 (subsidiaries 3 and 1, primary 3)");
const customer = { id: "107", primarySubsidiary: "3", subsidiaries: ["1", "3"] };
const selection = must(accountsForCustomer(config.accounts, customer, "all"), "account selection");
for (const t of selection.targets) show(t.account.name, `subsidiary ${t.subsidiaryId}`);

step(3, "Saved-search columns become Stripe parameters, by their labels");
const columns: ColumnValue[] = [
  { name: "email", label: "email", value: "ada@example.co.uk" },
  { name: "companyname", label: "name", value: "Analytical Engines Ltd" },
  { name: "phone", label: "phone", value: "+44 20 7946 0018" },
  { name: "billaddress1", label: "address.line1", value: "12 St James's Square" },
  { name: "billcity", label: "address.city", value: "London" },
  { name: "billcountry", label: "address.country", value: "GB", text: "United Kingdom" },
  { name: "category", label: "metadata.segment", value: "4", text: "Enterprise" },
];
const target = selection.targets.find((t) => t.account.name === "EU") ?? selection.targets[0];
if (!target) throw new Error("no Stripe account serves the demo customer");
const context = { customerId: "107", subsidiaryId: target.subsidiaryId, syncField: config.syncField };
const params = must(mapCustomer(columns, { ...context, mode: "create" }), "mapping");
show("params", params);
const broken = mapCustomer([{ name: "phone", label: "phone", value: "+44 (0) 20 7946 0018 ext. 12" }], {
  ...context,
  mode: "create",
});
if (broken.ok) throw new Error("a phone number over Stripe's limit was accepted");
show(broken.errors[0]?.code ?? "", broken.errors[0]?.message ?? "");

step(4, "An unchanged customer costs no Stripe call");
const stored = fingerprint(params);
show("fingerprint", stored);
show(
  "same data, keys in another order",
  fingerprint(Object.fromEntries(Object.entries(params).reverse())) === stored,
);

step(5, "Lookup: no stored ID, so find by email on the strongly consistent list endpoint");
const lookup = {
  customerId: "107",
  stripeIdField: config.stripeIdField,
  syncField: "email",
  syncValue: "ada@example.co.uk",
};
const plan = must(planLookup(lookup), "lookup");
if (plan.kind !== "find") throw new Error("expected a find plan");
show(
  "request",
  `${plan.request.method} ${plan.request.path}?${checkWithStripe("GET", plan.request.path, plan.request.params)}`,
);
show("no match", must(resolveMatches(lookup, []), "resolve"));
const twins = resolveMatches(lookup, [{ id: "cus_A1" }, { id: "cus_B2" }]);
show("two matches", twins.ok ? twins.value : twins.errors[0]?.message);

step(6, "Create, once, whatever races: the idempotency key and the wire format");
const key = must(
  createIdempotencyKey({
    accountId: target.account.accountId,
    customerId: "107",
    subsidiaryId: target.subsidiaryId,
  }),
  "idempotency key",
);
show("Idempotency-Key", key);
show("POST /v1/customers", checkWithStripe("POST", "/v1/customers", params));
show("Stripe's contract", "accepted");

step(7, "A Stripe webhook, verified, becomes the envelope NetSuite receives");
const event = {
  ...fixture("event"),
  id: "evt_1Demo",
  type: "customer.updated",
  api_version: STRIPE_API_VERSION,
  data: {
    object: {
      ...fixture("customer"),
      id: "cus_Demo107",
      email: "ada@example.co.uk",
      metadata: params.metadata,
      invoice_settings: { default_payment_method: "pm_1Visa" },
    },
    previous_attributes: { invoice_settings: { default_payment_method: null } },
  },
};
const payload = JSON.stringify(event);
const secret = "whsec_demo_only";
const now = Math.floor(Date.now() / 1000);
const header = signStripePayload(payload, secret, now);
must(verifyStripeSignature({ payload, header, secret, nowSeconds: now }), "signature");
show("signature", "valid");
const tampered = verifyStripeSignature({
  payload: payload.replace("ada@", "eve@"),
  header,
  secret,
  nowSeconds: now,
});
show("tampered body", tampered.ok ? "accepted (wrong!)" : tampered.errors[0]?.code);
show("envelope", must(buildEnvelope(event, { accountId: target.account.accountId }), "envelope"));

step(8, "What NetSuite shows as the default payment method");
const card = { type: "card", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 } };
show("summary", must(summarizePaymentMethod(card), "payment method"));

await demoAgainstEmulator(step, show);

console.log(`\n${bold("All steps did what they should.")} Run \`npm test\` for the full suite.`);
