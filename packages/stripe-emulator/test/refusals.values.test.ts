/**
 * Values Stripe refuses beyond the contract's types, through the official SDK: emails, metadata limits,
 * URLs, webhook event types, invoice prefixes. Sources are cited in src/rules/ beside each rule.
 */
import { describe, expect, it } from "vitest";
import { isStripeEmail, METADATA_LIMITS, stripeEmailProblem } from "../src/index.js";
import { checkedMetadata } from "../src/rules/metadata.js";
import { EVENT_TYPES } from "../src/rules/webhook-events.js";
import { admin, freshKey, useEmulator } from "./helpers.js";
import { clientFor, expectRefusal } from "./refusal-helpers.js";

const ctx = useEmulator();
const client = () => clientFor(ctx);

/** Addresses Stripe refused in recorded responses (see src/rules/email.ts). */
const REFUSED_EMAILS = [
  "otameshi@com",
  " k.shimizu139@gmail.com",
  "k.shimizu139@gmail.com ",
  "odatakeryu",
  "paasonauyuya＠iCloud.com",
  "mehmetakdemir9212@gmail",
  "kalkidan2@gmile",
  "test@test",
  "3524f1540305efb6752599adf71339dfdd9f767e@invalid",
  "admin@localhost",
  "someone@.maie.com",
  "someone@",
];
/** Accepted: valid, or not shown to be refused (the predicate is conservative). */
const ACCEPTED_EMAILS = [
  "ada@example.com",
  "a+tag@example.com",
  "first.last@sub.example.co.uk",
  "pelé@example.com",
  "a@müller.de",
  "a@[192.0.2.1]",
  "a..b@example.com",
  "@example.com",
  "",
];

const chars = (n: number, c = "k") => c.repeat(n);
const keys = (n: number, prefix = "k") =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, "v"]));

describe("email", () => {
  it("the predicate: refused and accepted examples", () => {
    for (const value of REFUSED_EMAILS) expect(stripeEmailProblem(value), value).toBeDefined();
    for (const value of ACCEPTED_EMAILS) expect(isStripeEmail(value), value).toBe(true);
    expect(stripeEmailProblem("odatakeryu")).toBe("no @");
    expect(stripeEmailProblem("otameshi@com")).toBe("domain without a dot");
  });

  it("customer create and update: 400 email_invalid with Stripe's message", async () => {
    const stripe = client();
    for (const email of REFUSED_EMAILS) {
      await expectRefusal(stripe.customers.create({ email }), {
        code: "email_invalid",
        param: "email",
        message: `Invalid email address: ${email}`,
      });
    }
    const customer = await stripe.customers.create({ email: "ada@example.com" });
    await expectRefusal(stripe.customers.update(customer.id, { email: "ada@example" }), {
      code: "email_invalid",
      param: "email",
      message: "Invalid email address: ada@example",
    });
    expect((await stripe.customers.retrieve(customer.id)) as { email: string }).toMatchObject({
      email: "ada@example.com",
    });
    // '' clears it; plus addressing and non-ASCII parts are accepted.
    expect((await stripe.customers.update(customer.id, { email: "" })).email).toBeNull();
    for (const email of ["a+tag@example.com", "pelé@example.com"]) {
      expect((await stripe.customers.create({ email })).email).toBe(email);
    }
  });
});

describe("metadata limits", () => {
  it("exports Stripe's numbers", () => {
    expect(METADATA_LIMITS).toEqual({ keys: 50, keyLength: 40, valueLength: 500 });
  });

  it("a key over 40 characters, a value over 500, more than 50 keys", async () => {
    const stripe = client();
    const longKey = chars(41);
    await expectRefusal(stripe.customers.create({ metadata: { [longKey]: "v" } }), {
      param: "metadata",
      message: `Invalid key: ${longKey} must be a string under 40 characters`,
    });
    const longValue = chars(501, "v");
    await expectRefusal(stripe.customers.create({ metadata: { k: longValue } }), {
      param: "metadata",
      message: `Invalid val: ${longValue} must be a string under 500 characters`,
    });
    await expectRefusal(stripe.customers.create({ metadata: keys(51) }), {
      param: "metadata",
      message:
        "Metadata can have up to 50 keys, but you've set 51. Email us at support+metadata@stripe.com for more information.",
    });
    // At the limits exactly: accepted. Characters are code points (an emoji is one). (An emoji in a
    // 500-character value would trip @nss/stripe-spec's response check, which counts UTF-16 units.)
    const ok = await stripe.customers.create({
      metadata: { ...keys(49), [`${chars(39, "é")}😀`]: chars(500, "v") },
    });
    expect(Object.keys(ok.metadata)).toHaveLength(50);
  });

  it("an update merges first: the 50-key limit is on the result, '' removes a key", async () => {
    const stripe = client();
    const customer = await stripe.customers.create({ metadata: keys(50) });
    await expectRefusal(stripe.customers.update(customer.id, { metadata: { extra: "v" } }), {
      param: "metadata",
      message:
        "Metadata can have up to 50 keys, but you've set 51. Email us at support+metadata@stripe.com for more information.",
    });
    const swapped = await stripe.customers.update(customer.id, { metadata: { k0: "", extra: "v" } });
    expect(Object.keys(swapped.metadata)).toHaveLength(50);
    expect(swapped.metadata.extra).toBe("v");
    expect((await stripe.customers.update(customer.id, { metadata: "" })).metadata).toEqual({});
  });

  it("on every resource that takes metadata", async () => {
    const key = freshKey("refusals");
    const stripe = clientFor(ctx, key);
    const tooLong = { [chars(41)]: "v" };
    const expected = {
      param: "metadata",
      message: `Invalid key: ${chars(41)} must be a string under 40 characters`,
    };
    const customer = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    await expectRefusal(stripe.paymentMethods.update(pm.id, { metadata: tooLong }), expected);
    await expectRefusal(
      stripe.paymentMethods.create({ type: "card", card: { token: "tok_visa" }, metadata: tooLong }),
      expected,
    );
    await expectRefusal(
      stripe.webhookEndpoints.create({
        url: "https://a.example/h",
        enabled_events: ["*"],
        metadata: tooLong,
      }),
      expected,
    );
    const endpoint = await stripe.webhookEndpoints.create({
      url: "https://a.example/h",
      enabled_events: ["*"],
    });
    await expectRefusal(stripe.webhookEndpoints.update(endpoint.id, { metadata: keys(51) }), {
      param: "metadata",
      message: /^Metadata can have up to 50 keys, but you've set 51\./,
    });
    const features = { payment_method_update: { enabled: true } };
    await expectRefusal(
      stripe.billingPortal.configurations.create({
        business_profile: { headline: "Cards" },
        features,
        metadata: tooLong,
      }),
      expected,
    );
    const def = await admin(ctx.emulator, "POST", "/_emulator/billing_portal/default_configuration", {}, key);
    await expectRefusal(
      stripe.billingPortal.configurations.update(String(def.body.id), { metadata: tooLong }),
      expected,
    );
  });

  it("a key with [ or ] cannot arrive in a form body; the rule itself answers UNSUPPORTED_BY_EMULATOR", () => {
    expect(() => checkedMetadata({}, { "a[b": "v" })).toThrow(/^UNSUPPORTED_BY_EMULATOR: metadata keys/);
  });
});

describe("webhook endpoints", () => {
  it("an event type Stripe does not know: Invalid enabled_events[i], listing the known ones", async () => {
    const stripe = client();
    const listed = [...EVENT_TYPES].filter((t) => t !== "*");
    const expected = {
      param: "enabled_events[1]",
      message: `Invalid enabled_events[1]: must be one of ${listed.slice(0, -1).join(", ")}, or ${listed.at(-1)}`,
    };
    expect(expected.message).toMatch(
      /^Invalid enabled_events\[1\]: must be one of account\.application\.authorized, account\.application\.deauthorized, /,
    );
    await expectRefusal(
      stripe.webhookEndpoints.create({
        url: "https://a.example/h",
        enabled_events: ["customer.created", "customer.invented" as "customer.created"],
      }),
      expected,
    );
    const endpoint = await stripe.webhookEndpoints.create({
      url: "https://a.example/h",
      enabled_events: ["*"],
    });
    await expectRefusal(
      stripe.webhookEndpoints.update(endpoint.id, {
        enabled_events: ["*", "nope" as "*"],
      }),
      expected,
    );
  });

  it("an empty list never reaches Stripe as one: the SDK sends nothing, so create misses the param", async () => {
    await expectRefusal(
      client().webhookEndpoints.create({ url: "https://a.example/h", enabled_events: [] }),
      {
        code: "parameter_missing",
        param: "enabled_events",
        message: "Missing required param: enabled_events.",
      },
    );
  });

  it("a url without a scheme, or not a URL; loopback URLs stay accepted", async () => {
    const stripe = client();
    const events: ["*"] = ["*"];
    await expectRefusal(stripe.webhookEndpoints.create({ url: "a.example/hook", enabled_events: events }), {
      param: "url",
      message: "Invalid URL: An explicit scheme (such as https) must be provided.",
    });
    await expectRefusal(stripe.webhookEndpoints.create({ url: "", enabled_events: events }), {
      param: "url",
      message: "UNSUPPORTED_BY_EMULATOR: url cannot be an empty string.",
    });
    for (const url of ["ftp://a.example/hook", "https://", "https://exa mple.com/h"]) {
      await expectRefusal(stripe.webhookEndpoints.create({ url, enabled_events: events }), {
        code: "url_invalid",
        param: "url",
        message: "Not a valid URL",
      });
    }
    const local = await stripe.webhookEndpoints.create({
      url: "http://127.0.0.1:9/hook",
      enabled_events: events,
    });
    await expectRefusal(stripe.webhookEndpoints.update(local.id, { url: "localhost:9/hook" }), {
      code: "url_invalid",
      param: "url",
      message: "Not a valid URL",
    });
    expect((await stripe.webhookEndpoints.update(local.id, { url: "http://localhost:9/h" })).url).toBe(
      "http://localhost:9/h",
    );
  });
});

describe("billing portal sessions", () => {
  it("return_url: no scheme, or not a valid URL", async () => {
    const key = freshKey("refusals");
    const stripe = clientFor(ctx, key);
    await admin(ctx.emulator, "POST", "/_emulator/billing_portal/default_configuration", {}, key);
    const customer = await stripe.customers.create({});
    await expectRefusal(
      stripe.billingPortal.sessions.create({ customer: customer.id, return_url: "undefined/settings" }),
      { param: "return_url", message: "Invalid URL: An explicit scheme (such as https) must be provided." },
    );
    await expectRefusal(
      stripe.billingPortal.sessions.create({ customer: customer.id, return_url: "https://" }),
      {
        code: "url_invalid",
        param: "return_url",
        message: "Not a valid URL",
      },
    );
    const session = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: "http://127.0.0.1:3000/account",
    });
    expect(session.return_url).toBe("http://127.0.0.1:3000/account");
  });
  it("no return_url and no default_return_url on the configuration: Stripe's refusal", async () => {
    const key = freshKey("refusals");
    const stripe = clientFor(ctx, key);
    await admin(ctx.emulator, "POST", "/_emulator/billing_portal/default_configuration", {}, key);
    const customer = await stripe.customers.create({});
    await expectRefusal(stripe.billingPortal.sessions.create({ customer: customer.id }), {
      message:
        "Your PortalConfiguration does not have a `default_return_url`, and you did not provide a `return_url`.",
    });
    const [config] = (await stripe.billingPortal.configurations.list()).data;
    await stripe.billingPortal.configurations.update(config?.id ?? "", {
      default_return_url: "https://shop.example/account",
    });
    const session = await stripe.billingPortal.sessions.create({ customer: customer.id });
    expect(session.return_url).toBe("https://shop.example/account");
  });
});

describe("customers", () => {
  it("invoice_prefix outside 3–12 uppercase letters or numbers: UNSUPPORTED_BY_EMULATOR", async () => {
    const stripe = client();
    for (const prefix of ["AB", "abc", "ABCDEFGHIJKLM", "AB-C"]) {
      await expectRefusal(stripe.customers.create({ invoice_prefix: prefix }), {
        param: "invoice_prefix",
        message: /^UNSUPPORTED_BY_EMULATOR: invoice_prefix must be 3–12 uppercase letters or numbers/,
      });
    }
    expect((await stripe.customers.create({ invoice_prefix: "ACME1" })).invoice_prefix).toBe("ACME1");
  });

  it("name and phone lengths are the contract's maxLength, enforced by @nss/stripe-spec", async () => {
    const stripe = client();
    await expectRefusal(stripe.customers.create({ name: chars(257, "n") }), {
      param: "name",
      message: "Invalid string: nnnnnnnnnn...nnnnnnnnnn; must be at most 256 characters",
    });
    await expectRefusal(stripe.customers.create({ phone: "+1 555 0100 0100 0100" }), {
      param: "phone",
      message: "Invalid string: +1 555 010... 0100 0100; must be at most 20 characters",
    });
  });
});
