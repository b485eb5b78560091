/**
 * The second half of `npm start`: core's decisions carried out over HTTP against the Stripe emulator,
 * the way the SuiteApp will send them through N/https (core's form encoding, the pinned Stripe-Version,
 * an Idempotency-Key on the create), with a webhook receiver that verifies every event with core.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  buildEnvelope,
  type ColumnValue,
  createIdempotencyKey,
  encodeForm,
  type FormParams,
  fingerprint,
  mapCustomer,
  planLookup,
  resolveMatches,
  STRIPE_API_VERSION,
  summarizePaymentMethod,
  verifyStripeSignature,
} from "@nss/core";
import { startStripeEmulator } from "@nss/stripe-emulator";

type Show = (label: string, value: unknown) => void;

export async function demoAgainstEmulator(
  step: (n: number, title: string) => void,
  show: Show,
): Promise<void> {
  const emulator = await startStripeEmulator({ retryScale: 0.0001, defaultPortalConfiguration: true });
  const key = "sk_test_nss_demo_eu";
  const events: { type: string; verified: boolean; envelope: unknown }[] = [];
  let signingSecret = "";
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      const header = req.headers["stripe-signature"];
      const verified = verifyStripeSignature({
        payload: body,
        header: typeof header === "string" ? header : undefined,
        secret: signingSecret,
        nowSeconds: Math.floor(Date.now() / 1000),
      });
      const event = JSON.parse(body) as { type: string };
      const envelope = buildEnvelope(event, { accountId: "acct_demo" });
      events.push({ type: event.type, verified: verified.ok, envelope: envelope.ok ? envelope.value : null });
      res.writeHead(verified.ok ? 200 : 400).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;

  /** What the SuiteApp's Stripe client will do over N/https. */
  async function stripe(method: string, path: string, params: FormParams = {}, idempotencyKey?: string) {
    const body = encodeForm(params);
    const url = method === "GET" ? `${emulator.url}${path}?${body}` : `${emulator.url}${path}`;
    const response = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        "Stripe-Version": STRIPE_API_VERSION,
        "Content-Type": "application/x-www-form-urlencoded",
        ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
      },
      ...(method === "GET" ? {} : { body }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.error)}`);
    return json;
  }

  try {
    step(9, `The same sync for real, over HTTP, against the Stripe emulator at ${emulator.url}`);
    const endpoint = await stripe("POST", "/v1/webhook_endpoints", {
      url: receiverUrl,
      enabled_events: ["customer.created", "customer.updated"],
      api_version: STRIPE_API_VERSION,
    });
    signingSecret = String(endpoint.secret);
    show("webhook endpoint", `${endpoint.id} → ${receiverUrl} (signing secret kept, never printed)`);

    const columns: ColumnValue[] = [
      { name: "email", label: "email", value: "grace@example.com" },
      { name: "companyname", label: "name", value: "Hopper Compilers Inc" },
      { name: "billcountry", label: "address.country", value: "US", text: "United States" },
    ];
    const context = { customerId: "212", subsidiaryId: "1", syncField: "email" };
    const mapped = mapCustomer(columns, { ...context, mode: "create" });
    if (!mapped.ok) throw new Error(mapped.errors[0]?.message);
    const lookup = {
      ...context,
      stripeIdField: "custentity_nss_stripe_customer_id",
      syncValue: "grace@example.com",
    };
    const plan = planLookup(lookup);
    if (!plan.ok || plan.value.kind !== "find") throw new Error("expected a find plan");
    const found = await stripe("GET", plan.value.request.path, plan.value.request.params);
    const decision = resolveMatches(lookup, found.data as { id: string }[]);
    show("lookup by email", decision.ok ? decision.value : decision.errors);

    const idempotencyKey = createIdempotencyKey({
      accountId: "acct_demo",
      customerId: "212",
      subsidiaryId: "1",
    });
    if (!idempotencyKey.ok) throw new Error("no idempotency key");
    // The button and the User Event race: both send the create with the same key.
    const [a, b] = await Promise.all([
      stripe("POST", "/v1/customers", mapped.value, idempotencyKey.value),
      stripe("POST", "/v1/customers", mapped.value, idempotencyKey.value),
    ]);
    const after = await stripe("GET", "/v1/customers", { email: "grace@example.com" });
    show("two racing creates", `${a.id} and ${b.id}: ${(after.data as unknown[]).length} Stripe customer`);
    if (a.id !== b.id || (after.data as unknown[]).length !== 1)
      throw new Error("a duplicate Stripe customer");

    const stored = fingerprint(mapped.value);
    const again = mapCustomer(columns, { ...context, mode: "update" });
    show(
      "next sync, nothing changed",
      again.ok && fingerprint(again.value) === stored ? "no Stripe call" : "changed",
    );

    const pm = await stripe("POST", "/v1/payment_methods/pm_card_visa/attach", { customer: String(a.id) });
    const updated = await stripe("POST", `/v1/customers/${a.id}`, {
      invoice_settings: { default_payment_method: String(pm.id) },
      expand: ["invoice_settings.default_payment_method"],
    });
    const settings = updated.invoice_settings as { default_payment_method: unknown };
    const summary = summarizePaymentMethod(settings.default_payment_method);
    show("default payment method", summary.ok ? summary.value : summary.errors[0]?.message);

    await fetch(`${emulator.url}/_emulator/webhooks/flush`, { method: "POST" });
    for (const e of events) show(`webhook ${e.type}`, e.verified ? "signature verified by core" : "REFUSED");
    const last = events.at(-1)?.envelope;
    if (last) show("envelope for NetSuite", last);
    if (events.length < 2 || events.some((e) => !e.verified))
      throw new Error("webhooks not delivered and verified");

    const portal = await stripe("POST", "/v1/billing_portal/sessions", {
      customer: String(a.id),
      return_url: "https://example.com/account",
    });
    show(
      "customer portal session",
      `${portal.id}: its url opens the emulator's portal page (${String(portal.url).replace(/[^/]+$/, "…")})`,
    );
    show(
      "to browse a running emulator",
      "npx nss-stripe-emulator --port 12111, then open http://127.0.0.1:12111/",
    );
  } finally {
    receiver.close();
    await emulator.close();
  }
}
