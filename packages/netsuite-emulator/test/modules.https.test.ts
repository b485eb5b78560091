import { describe, expect, it } from "vitest";
import type { HttpRequestData } from "../src/runtime/contracts.js";
import type { SecureString } from "../src/runtime/modules/https.js";
import { makeEnv } from "./helpers/module-env.js";

type Req = (o: unknown) => { code: number; headers: Record<string, string>; body: string };
interface HttpsModule {
  Method: Record<string, string>;
  get: Req;
  post: Req;
  put: Req;
  delete: Req;
  request: Req;
  createSecureString(o: unknown): SecureString;
  requestSuitelet(o: unknown): unknown;
}

function setup(usageLimit?: number) {
  const t = makeEnv(usageLimit === undefined ? {} : { usageLimit });
  return { t, https: t.module<HttpsModule>("N/https"), http: t.module<HttpsModule>("N/http") };
}

const sent = (t: ReturnType<typeof setup>["t"]) =>
  t.hostCalls("https.request").map((c) => c.args[0] as HttpRequestData);

describe("N/https", () => {
  it("makes synchronous requests through the host, 10 units each, and returns a ClientResponse", () => {
    const { t, https } = setup();
    t.httpReply = { code: 201, headers: { "x-a": "1" }, body: '{"ok":true}' };
    const response = https.post({
      url: "https://api.example.com/v1/x",
      body: '{"a":1}',
      headers: { "Content-Type": "application/json" },
    });
    expect(response).toEqual({ code: 201, headers: { "x-a": "1" }, body: '{"ok":true}' });
    expect(t.env.meter.usage).toBe(10);
    https.get({ url: "https://api.example.com/v1/x" });
    https.request({ method: https.Method.PUT, url: "https://api.example.com/v1/x", body: "b" });
    https.delete({ url: "https://api.example.com/v1/x" });
    expect(t.env.meter.usage).toBe(40);
    expect(sent(t).map((r) => r.method)).toEqual(["POST", "GET", "PUT", "DELETE"]);
    expect(sent(t)[0]).toEqual({
      method: "POST",
      url: "https://api.example.com/v1/x",
      headers: { "Content-Type": "application/json" },
      body: '{"a":1}',
    });
  });

  it("url-encodes an object body as form fields", () => {
    const { t, https } = setup();
    https.post({ url: "https://api.example.com/form", body: { name: "A B", amount: 12, "x&y": "1=2" } });
    expect(sent(t)[0]).toMatchObject({
      body: "name=A%20B&amount=12&x%26y=1%3D2",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
  });

  it("secure strings stay placeholders on the worker side and are marked for the host", () => {
    const { t, https } = setup();
    const secret = https.createSecureString({ input: "{custsecret_stripe_key}" });
    expect(String(secret)).toBe("{custsecret_stripe_key}");
    expect(JSON.stringify({ s: secret })).toBe('{"s":"{custsecret_stripe_key}"}');
    const bearer = https
      .createSecureString({ input: "Bearer " })
      .appendSecureString({ secureString: secret });
    https.post({
      url: "https://api.stripe.com/v1/customers",
      headers: { Authorization: bearer, "X-Plain": "p" },
      body: secret,
    });
    const request = sent(t)[0];
    expect(request?.headers.Authorization).toBe("Bearer {custsecret_stripe_key}");
    expect(request?.body).toBe("{custsecret_stripe_key}");
    expect(request?.secureFields).toEqual(["Authorization", "body"]);
    // A plain string that merely contains a placeholder is not substituted (NetSuite only fills SecureStrings).
    https.get({
      url: "https://api.example.com",
      headers: { Authorization: "Bearer {custsecret_stripe_key}" },
    });
    expect(sent(t)[1]?.secureFields).toBeUndefined();
    expect(() => (secret as unknown as { hash: () => unknown }).hash()).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/https.SecureString.hash",
    );
  });

  it("requires a fully qualified HTTPS URL; N/http allows http", () => {
    const { t, https, http } = setup();
    expect(() => https.get({ url: "http://api.example.com" })).toThrow(
      expect.objectContaining({ name: "SSS_INVALID_URL" }),
    );
    expect(() => https.get({})).toThrow(expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }));
    expect(http.get({ url: "http://api.example.com" }).code).toBe(200);
    expect(t.env.meter.usage).toBe(10);
    expect(() => http.get({ url: "ftp://x" })).toThrow(expect.objectContaining({ name: "SSS_INVALID_URL" }));
  });

  it("refuses a request the usage limit cannot pay for", () => {
    const { t, https } = setup(15);
    https.get({ url: "https://a.example.com" });
    expect(() => https.get({ url: "https://a.example.com" })).toThrow(
      expect.objectContaining({ name: "SSS_USAGE_LIMIT_EXCEEDED" }),
    );
    expect(sent(t)).toHaveLength(1);
  });

  it("unsupported members throw", () => {
    const { https, http } = setup();
    expect(() => https.requestSuitelet({})).toThrow("UNSUPPORTED_BY_EMULATOR: N/https.requestSuitelet");
    expect(() => (https.get as unknown as { promise: () => unknown }).promise()).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/https.get.promise",
    );
    expect(() => (http.post as unknown as { promise: () => unknown }).promise()).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/http.post.promise",
    );
  });
});
