/**
 * Proof that core needs nothing SuiteScript lacks: the built core is bundled into one AMD file, as the
 * SuiteApp build will do, and run in a bare V8 context whose only globals are the language's own plus
 * SuiteScript's `define`, `log` and `util`. No process, Buffer, TextEncoder, crypto, URL, timers or
 * console: a use of any of them fails here instead of in a customer's NetSuite account.
 */
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { rollup } from "rollup";
import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import type * as Core from "../src/index.js";

const builtCore = fileURLToPath(new URL("../dist/index.js", import.meta.url));

/** What a SuiteScript 2.1 server script can see besides ECMAScript itself. */
function suiteScriptContext(): { context: vm.Context; loaded: () => typeof Core } {
  let exported: typeof Core | undefined;
  const define = (deps: string[], factory: (...args: unknown[]) => typeof Core) => {
    // The bundle must stand alone: any dependency would be a module NetSuite does not have.
    expect(deps.filter((d) => d !== "exports")).toEqual([]);
    const exportsObject = {} as typeof Core;
    const result = factory(...deps.map(() => exportsObject));
    exported = result ?? exportsObject;
  };
  const log = { debug() {}, audit() {}, error() {}, emergency() {} };
  const context = vm.createContext({ define, log, util: {} });
  vm.runInContext("delete globalThis.console;", context);
  return {
    context,
    loaded: () => {
      if (!exported) throw new Error("the bundle did not call define()");
      return exported;
    },
  };
}

let core: typeof Core;
let sandbox: vm.Context;

beforeAll(async () => {
  const bundle = await rollup({
    input: builtCore,
    plugins: [nodeResolve()],
    onwarn(warning) {
      throw new Error(`bundling core: ${warning.message}`);
    },
  });
  const { output } = await bundle.generate({ format: "amd" });
  const code = output[0].code;
  const { context, loaded } = suiteScriptContext();
  vm.runInContext(code, context, { filename: "nss_core.js" });
  core = loaded();
  sandbox = context;
}, 30_000);

describe("core in a SuiteScript-like context", () => {
  it("the context really lacks Node and web globals", () => {
    const missing = vm.runInContext(
      "['process','Buffer','require','TextEncoder','TextDecoder','crypto','URL','URLSearchParams','setTimeout','fetch','console'].filter(n => typeof globalThis[n] !== 'undefined')",
      sandbox,
    );
    expect(missing).toEqual([]);
  });

  it("maps, fingerprints and encodes a customer", () => {
    const mapped = core.mapCustomer(
      [
        { name: "email", label: "email", value: "ada@example.com" },
        { name: "companyname", label: "name", value: "Ada Ltd" },
        { name: "billcountry", label: "address.country", value: "GB", text: "United Kingdom" },
      ],
      { customerId: "107", subsidiaryId: "3", syncField: "email", mode: "create" },
    );
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(core.encodeForm(mapped.value)).toBe(
      "email=ada%40example.com&name=Ada%20Ltd&address[country]=GB" +
        "&metadata[netsuite_customer_id]=107&metadata[netsuite_subsidiary]=3",
    );
    expect(core.fingerprint({ b: "é", a: [1, "✓"] })).toMatch(/^v1:[0-9a-f]{64}$/);
  });

  it("verifies a signature made by the official Stripe SDK", () => {
    const stripe = new Stripe("sk_test_sandbox");
    const payload = JSON.stringify({ id: "evt_1", type: "customer.updated", note: "ÆØÅ ✓" });
    const secret = "whsec_sandbox";
    const timestamp = 1_790_000_000;
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    const verified = core.verifyStripeSignature({ payload, header, secret, nowSeconds: timestamp + 10 });
    expect(verified).toEqual({ ok: true, value: { timestamp } });
    expect(
      core.verifyStripeSignature({ payload: `${payload} `, header, secret, nowSeconds: timestamp }).ok,
    ).toBe(false);
  });

  it("plans lookups, keys creates and summarizes payment methods", () => {
    const plan = core.planLookup({
      customerId: "107",
      stripeIdField: "custentity_nss_stripe_customer_id",
      syncField: "email",
      syncValue: "ada@example.com",
    });
    expect(plan.ok && plan.value.kind).toBe("find");
    const key = core.createIdempotencyKey({ accountId: "acct_1", customerId: "107", subsidiaryId: "3" });
    expect(key.ok).toBe(true);
    const summary = core.summarizePaymentMethod({
      id: "pm_1",
      object: "payment_method",
      type: "card",
      card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 },
    });
    expect(summary).toEqual({ ok: true, value: "Visa •••• 4242, exp 12/2030" });
  });
});
