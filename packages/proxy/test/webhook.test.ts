/**
 * The whole pipeline over real HTTP: Stripe-signed events in, ForwardRequests out to a stub NetSuite,
 * NetSuite's answers mapped to Stripe's statuses, and every refusal forwarding nothing. The last test
 * reads every log line the cases wrote and looks for anything secret.
 */
import { readForwardedEvent } from "@nss/core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SealedTarget } from "../src/index.js";
import {
  ADMIN_TOKEN,
  answerWith,
  customerEvent,
  deadPort,
  K1,
  K2,
  NS_TOKEN,
  postSigned,
  postWebhook,
  SECRET,
  sealTarget,
  sign,
  stubAndProxy,
} from "./helpers.js";

/** Every sealed value used, to look for in the logs at the end. */
const sealedValues: string[] = [];
let refusedPort: number;
const net = stubAndProxy(async (stub) => {
  refusedPort = await deadPort();
  return {
    PROXY_ALLOWED_TARGETS: `https://*.extforms.netsuite.com,${stub.origin},http://127.0.0.1:${refusedPort}`,
  };
});
let target: SealedTarget;
let ppUrl: string;

const sealWith = (value: SealedTarget, keyText = K1) => {
  const sealed = sealTarget(value, keyText);
  sealedValues.push(sealed);
  return sealed;
};

beforeAll(() => {
  target = { url: net.stub.url, secret: SECRET, account: "12" };
  ppUrl = sealWith(target);
});

beforeEach(() => {
  net.stub.calls.length = 0;
  net.stub.answer(answerWith("applied"));
});

describe("forwarding a signed customer event", () => {
  it("sends NetSuite version 2: the account, the byte-identical body and the signature, nothing else", async () => {
    const payload = customerEvent();
    const signature = sign(payload);
    const answer = await postWebhook(net.proxy.url, ppUrl, payload, signature);
    expect(answer).toEqual({ status: 200, body: { received: true, result: "applied" } });
    expect(net.stub.calls).toHaveLength(1);
    const call = net.stub.calls[0];
    expect(call?.method).toBe("POST");
    expect(call?.path).toBe(new URL(net.stub.url).pathname + new URL(net.stub.url).search);
    expect(call?.headers["content-type"]).toBe("application/json");
    expect(Object.keys(JSON.parse(call?.body ?? "{}"))).toEqual(["v", "account", "payload", "signature"]);
    const parsed = readForwardedEvent(call?.body ?? "");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value).toMatchObject({ v: 2, account: "12", signature });
    expect(Buffer.from(parsed.value.payload, "utf8").equals(Buffer.from(payload, "utf8"))).toBe(true);
  });

  it("answers 200 without calling NetSuite for an event that cannot change the default payment method", async () => {
    const renamed = JSON.parse(customerEvent()) as {
      data: { previous_attributes: Record<string, unknown> };
    };
    renamed.data.previous_attributes = { name: "Old name" };
    const payload = JSON.stringify(renamed);
    const answer = await postSigned(net.proxy.url, ppUrl, payload);
    expect(answer).toEqual({ status: 200, body: { received: true, ignored: true } });
    expect(net.stub.calls).toHaveLength(0);
    const metrics = await (await fetch(`${net.proxy.url}/metrics`)).text();
    expect(metrics).toMatch(/nss_proxy_dropped_total [1-9]/);
  });

  it.each([
    ["applied", 200],
    ["ignored", 200],
    ["retry", 503],
    ["refused", 400],
  ])("maps NetSuite's %s to %i", async (result, status) => {
    net.stub.answer(answerWith(result));
    const answer = await postSigned(net.proxy.url, ppUrl);
    expect(answer.status).toBe(status);
    expect(net.stub.calls).toHaveLength(1);
  });

  it.each([
    ["a 500", { status: 500, body: '{"result":"applied"}' }],
    ["a 302 to another host (never followed)", { status: 302, body: "" }],
    ["an HTML login page", { status: 200, body: "<html>Log in</html>", contentType: "text/html" }],
    ["an unknown result", { status: 200, body: '{"result":"done"}' }],
    ["a timeout", "hang" as const],
    ["a dropped connection", "drop" as const],
  ])("answers 503 (Stripe retries) for %s", async (_name, behaviour) => {
    net.stub.answer(behaviour);
    const answer = await postSigned(net.proxy.url, ppUrl);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ error: { code: "netsuite_unavailable" } });
  });

  it("answers 503 when NetSuite refuses the connection", async () => {
    const dead = sealWith({
      ...target,
      url: `http://127.0.0.1:${refusedPort}/app/site/hosting/scriptlet.nl`,
    });
    expect((await postSigned(net.proxy.url, dead)).status).toBe(503);
  });

  it("answers 200 without forwarding an event type the sync ignores", async () => {
    const answer = await postSigned(
      net.proxy.url,
      ppUrl,
      customerEvent({ type: "invoice.paid", data: { object: { id: "in_1" } } }),
    );
    expect(answer).toEqual({ status: 200, body: { received: true, ignored: true } });
    expect(net.stub.calls).toHaveLength(0);
  });
});

describe("refusals forward nothing", () => {
  const refusedWith = async (
    status: number,
    code: string,
    send: () => Promise<{ status: number; body: unknown }>,
  ) => {
    const answer = await send();
    expect(answer).toMatchObject({ status, body: { error: { code } } });
    expect(net.stub.calls).toHaveLength(0);
    const message = (answer.body as { error: { message: string } }).error.message;
    for (const secret of [SECRET, net.stub.url, net.stub.origin, NS_TOKEN, ppUrl])
      expect(message).not.toContain(secret);
  };

  it("a forged signature", async () => {
    const payload = customerEvent();
    await refusedWith(400, "signature_invalid", () =>
      postWebhook(net.proxy.url, ppUrl, payload, sign(payload, "whsec_not_the_secret")),
    );
  });

  it("a body altered after signing", async () => {
    const payload = customerEvent();
    const signature = sign(payload);
    await refusedWith(400, "signature_invalid", () =>
      postWebhook(net.proxy.url, ppUrl, payload.replace("ann@", "eve@"), signature),
    );
  });

  it("no signature", async () => {
    await refusedWith(400, "signature_missing", () =>
      postWebhook(net.proxy.url, ppUrl, customerEvent(), undefined),
    );
  });

  it("a replayed timestamp beyond the tolerance", async () => {
    const payload = customerEvent();
    const old = Math.floor(Date.now() / 1000) - 301;
    await refusedWith(400, "signature_expired", () =>
      postWebhook(net.proxy.url, ppUrl, payload, sign(payload, SECRET, old)),
    );
  });

  it("a timestamp from the future beyond the tolerance", async () => {
    const payload = customerEvent();
    const ahead = Math.floor(Date.now() / 1000) + 400;
    await refusedWith(400, "signature_expired", () =>
      postWebhook(net.proxy.url, ppUrl, payload, sign(payload, SECRET, ahead)),
    );
  });

  it("a tampered pp_url (one byte flipped)", async () => {
    const [version, kid, data] = ppUrl.split(".") as [string, string, string];
    const bytes = Buffer.from(data, "base64url");
    bytes[20] = (bytes[20] ?? 0) ^ 0x01;
    const tampered = `${version}.${kid}.${bytes.toString("base64url")}`;
    sealedValues.push(tampered);
    await refusedWith(400, "seal_invalid", () => postSigned(net.proxy.url, tampered));
  });

  it("a pp_url moved to another key ID", async () => {
    const moved = ppUrl.replace(/^v1\.k1\./, "v1.k2.");
    await refusedWith(400, "seal_unknown_key", () => postSigned(net.proxy.url, moved));
  });

  it("a pp_url sealed with a key the proxy does not hold", async () => {
    const foreign = sealWith(target, K2);
    await refusedWith(400, "seal_unknown_key", () => postSigned(net.proxy.url, foreign));
  });

  it("a pp_url that is not a seal", async () => {
    await refusedWith(400, "seal_malformed", () =>
      postSigned(net.proxy.url, "https://evil.example.com/hook"),
    );
  });

  it.each([
    "https://evil.example.com/app/site/hosting/scriptlet.nl",
    "https://1234.extforms.netsuite.com.evil.example.com/x",
    "http://1234.extforms.netsuite.com/x",
    "https://user:pw@1234.extforms.netsuite.com/x",
    "https://1234.extforms.netsuite.com:8443/x",
    "https://a.b.extforms.netsuite.com/x",
    "http://127.0.0.1:1/x",
  ])("a sealed target outside the allow-list: %s", async (url) => {
    const evil = sealWith({ ...target, url });
    await refusedWith(400, "target_not_allowed", () => postSigned(net.proxy.url, evil));
  });

  it("a missing pp_url", async () => {
    await refusedWith(400, "seal_missing", () => postSigned(net.proxy.url, undefined));
  });

  it("a body over PROXY_MAX_BODY_BYTES (by Content-Length)", async () => {
    await refusedWith(413, "body_too_large", () =>
      postSigned(net.proxy.url, ppUrl, customerEvent({ filler: "x".repeat(300 * 1024) })),
    );
  });

  it("a body over PROXY_MAX_BODY_BYTES (streamed without Content-Length)", async () => {
    const payload = customerEvent({ filler: "x".repeat(300 * 1024) });
    const bytes = Buffer.from(payload);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16 * 1024)
          controller.enqueue(bytes.subarray(at, at + 16 * 1024));
        controller.close();
      },
    });
    await refusedWith(413, "body_too_large", async () => {
      const response = await fetch(`${net.proxy.url}/customer-webhook?pp_url=${encodeURIComponent(ppUrl)}`, {
        method: "POST",
        headers: { "stripe-signature": sign(payload) },
        body,
        duplex: "half",
      } as RequestInit);
      return { status: response.status, body: await response.json() };
    });
  });
});

describe("POST /seal", () => {
  const postSeal = (body: unknown, token: string | null = ADMIN_TOKEN) =>
    fetch(`${net.proxy.url}/seal`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    });

  it("needs the admin token: missing, wrong, not Bearer or malformed is the same 401", async () => {
    const withHeader = (authorization: string | null) =>
      fetch(`${net.proxy.url}/seal`, {
        method: "POST",
        headers: authorization === null ? {} : { authorization },
        body: JSON.stringify(target),
      });
    for (const authorization of [
      null,
      `Bearer ${ADMIN_TOKEN}x`,
      "Bearer short",
      `Basic ${Buffer.from(`${ADMIN_TOKEN}:`).toString("base64")}`,
      `Bearer ${ADMIN_TOKEN} extra`,
      `Bearer${ADMIN_TOKEN}`,
      ADMIN_TOKEN,
    ]) {
      const response = await withHeader(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(await response.json()).toEqual({
        error: { code: "unauthorized", message: "A valid admin bearer token is required." },
      });
    }
    const lines = net.logs.filter((line) => line.includes('"path":"/seal"') && line.includes("unauthorized"));
    expect(lines.length).toBeGreaterThanOrEqual(7);
  });

  it("refuses a request over 16 KiB, by Content-Length or streamed", async () => {
    const big = { ...target, filler: "x".repeat(17 * 1024) };
    const declared = await postSeal(big);
    expect(declared.status).toBe(400);
    expect(await declared.json()).toMatchObject({ error: { code: "seal_request_invalid" } });
    const bytes = Buffer.from(JSON.stringify(big));
    const streamed = await fetch(`${net.proxy.url}/seal`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 4096) controller.enqueue(bytes.subarray(at, at + 4096));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(400);
    expect(await streamed.json()).toMatchObject({ error: { code: "seal_request_invalid" } });
  });

  it("refuses a url that is not an allowed target, and bad input", async () => {
    const evil = await postSeal({ ...target, url: "https://evil.example.com/hook" });
    expect(evil.status).toBe(400);
    expect(await evil.json()).toMatchObject({ error: { code: "target_not_allowed" } });
    const noSecret = await postSeal({ url: net.stub.url, secret: "sk_live_x", account: "12" });
    expect(noSecret.status).toBe(400);
  });

  it("returns a pp_url and webhook_url that work end to end", async () => {
    const response = await postSeal(target);
    expect(response.status).toBe(200);
    const sealed = (await response.json()) as { pp_url: string; webhook_url: string };
    sealedValues.push(sealed.pp_url);
    expect(sealed.pp_url).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+$/);
    expect(sealed.webhook_url).toBe(`${net.proxy.url}/customer-webhook?pp_url=${sealed.pp_url}`);
    const payload = customerEvent();
    const answer = await fetch(sealed.webhook_url, {
      method: "POST",
      headers: { "stripe-signature": sign(payload) },
      body: payload,
    });
    expect(answer.status).toBe(200);
    expect(net.stub.calls).toHaveLength(1);
  });
});

describe("GET /healthz and /metrics", () => {
  it("reports health", async () => {
    const response = await fetch(`${net.proxy.url}/healthz`);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("counts received, forwarded and refused requests and forward durations", async () => {
    const read = async () => {
      const text = await (await fetch(`${net.proxy.url}/metrics`)).text();
      const value = (line: string) =>
        Number(
          text
            .split("\n")
            .find((l) => l.startsWith(`${line} `))
            ?.split(" ")[1] ?? 0,
        );
      return {
        text,
        received: value("nss_proxy_received_total"),
        forwarded: value('nss_proxy_forwarded_total{status="200",outcome="applied"}'),
        refused: value('nss_proxy_refused_total{reason="signature_invalid"}'),
        durations: value("nss_proxy_forward_duration_seconds_count"),
      };
    };
    const before = await read();
    const payload = customerEvent();
    await postSigned(net.proxy.url, ppUrl, payload);
    await postWebhook(net.proxy.url, ppUrl, payload, sign(payload, "whsec_wrong"));
    const after = await read();
    expect(after.received).toBe(before.received + 2);
    expect(after.forwarded).toBe(before.forwarded + 1);
    expect(after.refused).toBe(before.refused + 1);
    expect(after.durations).toBe(before.durations + 1);
    expect(after.text).toContain("# TYPE nss_proxy_forward_duration_seconds histogram");
    expect(after.text).toMatch(/nss_proxy_forward_duration_seconds_bucket\{le="\+Inf"\} \d+/);
  });
});

describe("logs", () => {
  it("hold one JSON line per request with the event ID, type, outcome, status and ms", () => {
    const lines = net.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const forwarded = lines.find((l) => l.path === "/customer-webhook" && l.outcome === "applied");
    expect(forwarded).toMatchObject({ method: "POST", status: 200, type: "customer.updated" });
    expect(forwarded?.eventId).toMatch(/^evt_/);
    expect(typeof forwarded?.ms).toBe("number");
    expect(lines.some((l) => l.reason === "signature_expired" && l.status === 400)).toBe(true);
  });

  it("never contain a secret, a sealed value, pp_url, or the NetSuite URL", () => {
    expect(net.logs.length).toBeGreaterThan(30);
    const forbidden = [
      SECRET,
      ADMIN_TOKEN,
      NS_TOKEN,
      net.stub.url,
      net.stub.origin,
      "pp_url",
      "scriptlet.nl",
      ...sealedValues,
    ];
    forbidden.push(K1.split(":")[1] ?? "", K2.split(":")[1] ?? "");
    for (const line of net.logs) {
      for (const value of forbidden)
        expect(line, `log line mentions ${value.slice(0, 12)}…`).not.toContain(value);
    }
  });
});
