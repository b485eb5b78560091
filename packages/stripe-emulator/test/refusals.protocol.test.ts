/**
 * What Stripe refuses at the HTTP level, refused as Stripe does (status, type, code, param, message),
 * through the official SDK wherever it can send the request, raw HTTP where it cannot. What the
 * emulator cannot source or does not model answers UNSUPPORTED_BY_EMULATOR.
 */
import { request as httpRequest } from "node:http";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { startStripeEmulator } from "../src/index.js";
import { errorBodyProblems, freshKey, rejection, stripeClient, useEmulator } from "./helpers.js";
import { answer } from "./refusal-helpers.js";

const ctx = useEmulator();

const PUBLISHABLE =
  "This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.";
const unsupportedContentType = (type: string) =>
  `Invalid request: unsupported Content-Type ${type}. If error persists and you need assistance, please contact support@stripe.com.`;

interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  error: Record<string, unknown>;
}

/** One request with exactly these headers (fetch would add a Content-Type to a string body). */
function send(
  method: string,
  path: string,
  headers: Record<string, string | string[]>,
  body?: string,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(body)) };
    const req = httpRequest(
      `${ctx.emulator.url}${path}`,
      { method, headers: { ...headers, ...length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const json = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
            error: Record<string, unknown>;
          };
          if (res.statusCode !== 200) expect(errorBodyProblems(json)).toEqual([]);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, error: json.error });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const bearer = (key = freshKey()) => ({ Authorization: `Bearer ${key}` });

describe("publishable keys", () => {
  it("refuse a secret-key call with Stripe's 403 secret_key_required, GET or POST", async () => {
    for (const key of ["pk_test_abc123", "pk_live_abc123"]) {
      const stripe = stripeClient(ctx.emulator, key, { maxNetworkRetries: 0 });
      const listed = await rejection(stripe.customers.list());
      expect(listed.type).toBe("StripePermissionError");
      expect(answer(listed)).toEqual({
        status: 403,
        type: "invalid_request_error",
        code: "secret_key_required",
        param: undefined,
        message: PUBLISHABLE,
      });
      expect(answer(await rejection(stripe.customers.create({ email: "pk@example.com" })))).toMatchObject({
        status: 403,
        code: "secret_key_required",
      });
    }
  });

  it("on a call Stripe lets a publishable key make, or one outside the contract: UNSUPPORTED_BY_EMULATOR", async () => {
    const stripe = stripeClient(ctx.emulator, "pk_test_abc123", { maxNetworkRetries: 0 });
    const created = await rejection(
      stripe.paymentMethods.create({ type: "card", card: { token: "tok_visa" } }),
    );
    expect(answer(created)).toMatchObject({ status: 400, type: "invalid_request_error", code: undefined });
    expect(created.message).toMatch(
      /^UNSUPPORTED_BY_EMULATOR: a publishable key on POST \/v1\/payment_methods/,
    );

    const token = await send("POST", "/v1/tokens", { ...bearer("pk_test_abc123") });
    expect(token.status).toBe(400);
    expect(token.error.message).toMatch(/^UNSUPPORTED_BY_EMULATOR: a publishable key on POST \/v1\/tokens/);
  });
});

describe("form-encoded bodies", () => {
  const form = "application/x-www-form-urlencoded";

  it("refuses JSON, text and a missing Content-Type with Stripe's message", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ "Content-Type": "application/json" }, '{"email":"a@example.com"}', "application/json"],
      [{ "Content-Type": "text/plain; charset=utf-8" }, "email=a@example.com", "text/plain; charset=utf-8"],
      [{}, "email=a@example.com", ""],
    ];
    for (const [headers, body, shown] of cases) {
      const sent = await send("POST", "/v1/customers", { ...bearer(), ...headers }, body);
      expect(sent.status).toBe(400);
      expect(sent.error).toEqual({ type: "invalid_request_error", message: unsupportedContentType(shown) });
    }
  });

  it("takes a charset on the form type, and multipart is not modelled", async () => {
    const ok = await send(
      "POST",
      "/v1/customers",
      { ...bearer(), "Content-Type": `${form}; charset=utf-8` },
      "name=Ada",
    );
    expect(ok.status).toBe(200);
    const multipart = await send(
      "POST",
      "/v1/customers",
      { ...bearer(), "Content-Type": "multipart/form-data; boundary=x" },
      '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nAda\r\n--x--\r\n',
    );
    expect(multipart.status).toBe(400);
    expect(multipart.error.message).toBe("UNSUPPORTED_BY_EMULATOR: a multipart/form-data body.");
  });

  it("keeps what the SDK sends working: a POST with no parameters, a GET and a DELETE with a query", async () => {
    const stripe = stripeClient(ctx.emulator);
    const customer = await stripe.customers.create();
    const fetched = await stripe.customers.retrieve(customer.id, {
      expand: ["invoice_settings.default_payment_method"],
    });
    expect(fetched.id).toBe(customer.id);
    expect((await stripe.customers.del(customer.id)).deleted).toBe(true);
  });

  it("parameters where the emulator does not read them: UNSUPPORTED_BY_EMULATOR", async () => {
    const onPost = await send(
      "POST",
      "/v1/customers?email=q@example.com",
      { ...bearer(), "Content-Type": form },
      "",
    );
    expect(onPost.status).toBe(400);
    expect(onPost.error.message).toBe(
      "UNSUPPORTED_BY_EMULATOR: a query string on a POST: the emulator reads POST parameters from the body only.",
    );
    const onGet = await send("GET", "/v1/customers", { ...bearer(), "Content-Type": form }, "limit=1");
    expect(onGet.status).toBe(400);
    expect(onGet.error.message).toBe(
      "UNSUPPORTED_BY_EMULATOR: a body on a GET: the emulator reads GET parameters from the query string only.",
    );
    const onDelete = await send(
      "DELETE",
      "/v1/customers/cus_x",
      { ...bearer(), "Content-Type": form },
      "a=1",
    );
    expect(onDelete.error.message).toMatch(/^UNSUPPORTED_BY_EMULATOR: a body on a DELETE/);
    // A method Stripe has no route for is routing's 404, body or not.
    const put = await send("PUT", "/v1/customers", { ...bearer(), "Content-Type": form }, "name=Ada");
    expect(put.status).toBe(404);
    expect(put.error.message).toMatch(/^Unrecognized request URL \(PUT: \/v1\/customers\)\./);
  });
});

describe("Stripe-Version", () => {
  const invalid = (version: string) => ({
    status: 400,
    type: "invalid_request_error",
    code: undefined,
    param: undefined,
    message: `Invalid Stripe API version: ${version}`,
  });

  it("refuses a malformed version or a date that does not exist", async () => {
    for (const version of ["2019-2-19", "2023-02-30", "latest", "2023-08-16.Acacia"]) {
      const stripe = stripeClient(ctx.emulator, freshKey(), {
        apiVersion: version as Stripe.LatestApiVersion,
        maxNetworkRetries: 0,
      });
      const error = await rejection(stripe.customers.list());
      expect(error.type).toBe("StripeInvalidRequestError");
      expect(answer(error)).toEqual(invalid(version));
    }
  });

  it("refuses a header sent twice, as Node joins it", async () => {
    const sent = await send("GET", "/v1/customers", {
      ...bearer(),
      "Stripe-Version": ["2019-12-03", "2019-12-03"],
    });
    expect(sent.status).toBe(400);
    expect(sent.error).toEqual({
      type: "invalid_request_error",
      message: "Invalid Stripe API version: 2019-12-03, 2019-12-03",
    });
  });

  it("preview flags are not modelled", async () => {
    const sent = await send("GET", "/v1/customers", {
      ...bearer(),
      "Stripe-Version": "2023-08-16; checkout_beta=v1",
    });
    expect(sent.status).toBe(400);
    expect(sent.error.message).toBe(
      "UNSUPPORTED_BY_EMULATOR: Stripe-Version preview flags (2023-08-16; checkout_beta=v1).",
    );
  });

  it("answers the SDK's own version in the contract's 2023-08-16, and says so in the response header", async () => {
    const customer = await stripeClient(ctx.emulator).customers.create({ email: "v@example.com" });
    expect(customer.lastResponse.apiVersion).toBe("2023-08-16");
  });

  it("with strictApiVersion, only 2023-08-16 is answered", async () => {
    const strict = await startStripeEmulator({ strictApiVersion: true });
    try {
      const sdkDefault = stripeClient(strict, freshKey(), { maxNetworkRetries: 0 });
      const error = await rejection(sdkDefault.customers.list());
      expect(answer(error)).toMatchObject({ status: 400, type: "invalid_request_error", code: undefined });
      expect(error.message).toMatch(
        /^UNSUPPORTED_BY_EMULATOR: Stripe-Version \S+: the emulator answers in API version 2023-08-16 only\.$/,
      );
      const pinned = stripeClient(strict, freshKey(), {
        apiVersion: "2023-08-16" as Stripe.LatestApiVersion,
      });
      expect((await pinned.customers.list()).object).toBe("list");
    } finally {
      await strict.close();
    }
  });
});

describe("headers the emulator does not model", () => {
  it("Stripe-Account (Connect) answers UNSUPPORTED_BY_EMULATOR rather than acting on the platform", async () => {
    const stripe = stripeClient(ctx.emulator, freshKey(), {
      stripeAccount: "acct_1Connected",
      maxNetworkRetries: 0,
    });
    const error = await rejection(stripe.customers.list());
    expect(answer(error)).toEqual({
      status: 400,
      type: "invalid_request_error",
      code: undefined,
      param: undefined,
      message: "UNSUPPORTED_BY_EMULATOR: the Stripe-Account header (Connect).",
    });
  });
});
