/**
 * Request bodies the proxy and the NetSuite forms domain must survive: too large (by Content-Length,
 * streamed without it, over the emulator's 10 MB, over the contract's limit), malformed JSON, a form
 * encoding, bytes that are not UTF-8, JSON nested 100 000 deep, a flood of fields. Each is refused with
 * nothing changed, and every server still answers afterwards.
 */
import { describe, expect, it } from "vitest";
import {
  type Answer,
  baseEvent1,
  buildEnvelopeOf,
  codeOf,
  count,
  eventBody,
  post,
  ppUrl1,
  resultOf,
  secretsInLogs,
  sign,
  sys,
  target1,
  toProxy,
  toSuitelet,
  unchanged,
  useSecuritySystem,
  webhookUrl,
} from "./system.js";

useSecuritySystem();

describe("bodies", () => {
  const healthy = async () => {
    for (const proxy of [sys.receiving]) {
      const res = await fetch(`${proxy.url}/healthz`);
      expect(res.status).toBe(200);
    }
    expect(await sys.admin("health", { method: "GET" })).toEqual({ ok: true });
    // After an upload refused midway the server drops that connection; a pooled socket may be the
    // dropped one, so one retry on a network error.
    const res = await fetch(target1.url).catch(() => fetch(target1.url));
    expect(resultOf({ status: res.status, text: await res.text(), location: null })).toBe("refused");
  };
  const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const manyFields = (n: number) => {
    const o: Record<string, number> = {};
    for (let i = 0; i < n; i++) o[`f${i}`] = i;
    return JSON.stringify(o);
  };
  const signedProxy = (body: string | Buffer, type = "application/json") =>
    toProxy(ppUrl1, typeof body === "string" ? body : new Uint8Array(body), sign(body, target1.secret), type);

  const cases: [
    string,
    () => Promise<Answer | "connection closed">,
    (a: Answer | "connection closed") => void,
  ][] = [
    [
      "proxy: 300 KB by Content-Length",
      () => signedProxy(eventBody(baseEvent1, { pad: "x".repeat(300_000) })),
      (a) => expect(a !== "connection closed" && [a.status, codeOf(a)]).toEqual([413, "body_too_large"]),
    ],
    [
      "proxy: 300 KB streamed without Content-Length",
      () => {
        const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ < 5) controller.enqueue(chunk);
            else controller.close();
          },
        });
        return post(webhookUrl(ppUrl1), stream, {
          "Content-Type": "application/json",
          "Stripe-Signature": sign("x", target1.secret),
        }).catch(() => "connection closed" as const);
      },
      (a) => expect(a === "connection closed" ? 413 : [a.status, codeOf(a)]).toEqual([413, "body_too_large"]),
    ],
    [
      "NetSuite forms domain: 11 MB (over the emulator's 10 MB)",
      () =>
        toSuitelet(new Uint8Array(Buffer.alloc(11 * 1024 * 1024, 0x61))).catch(
          () => "connection closed" as const,
        ),
      // A 413, or the connection cut while the client is still sending: both refuse the upload.
      (a) => expect(a === "connection closed" ? 413 : a.status).toBe(413),
    ],
    [
      "NetSuite forms domain: 2 MB, over the contract's MAX_FORWARD_REQUEST_CHARS",
      () => {
        const body = eventBody(baseEvent1, { pad: "x".repeat(2_000_000) });
        return toSuitelet(
          `{"v":1,"envelope":${JSON.stringify(buildEnvelopeOf(eventBody()))},"payload":${JSON.stringify(body)},"signature":"t=1,v1=00"}`,
        );
      },
      (a) => expect(a !== "connection closed" && resultOf(a)).toBe("refused"),
    ],
    [
      "proxy: malformed JSON, correctly signed",
      () => signedProxy('{"id":"evt_1","type":"customer.updated",'),
      (a) => expect(a !== "connection closed" && a.status).toBe(400),
    ],
    [
      "Suitelet: malformed JSON",
      () => toSuitelet('{"v":1,"envelope":{'),
      (a) => expect(a !== "connection closed" && resultOf(a)).toBe("refused"),
    ],
    [
      "proxy: a form-encoded body with a form content type, correctly signed",
      () => signedProxy("id=evt_1&type=customer.updated", "application/x-www-form-urlencoded"),
      (a) => expect(a !== "connection closed" && a.status).toBe(400),
    ],
    [
      "Suitelet: a form-encoded ForwardRequest",
      () => {
        const body = eventBody();
        const form = new URLSearchParams({
          v: "1",
          envelope: JSON.stringify(buildEnvelopeOf(body)),
          payload: body,
          signature: sign(body, target1.secret),
        });
        return toSuitelet(form.toString(), "application/x-www-form-urlencoded");
      },
      (a) => expect(a !== "connection closed" && resultOf(a)).toBe("refused"),
    ],
    [
      "proxy: non-UTF-8 bytes, correctly signed",
      () => signedProxy(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])),
      (a) => expect(a !== "connection closed" && [a.status, codeOf(a)]).toEqual([400, "body_not_utf8"]),
    ],
    [
      "Suitelet: non-UTF-8 bytes",
      () => toSuitelet(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])),
      // The NetSuite emulator refuses a body that is not UTF-8 before the Suitelet runs.
      (a) =>
        expect(a !== "connection closed" && [a.status, a.text]).toEqual([
          400,
          expect.stringContaining("INVALID_REQUEST_BODY"),
        ]),
    ],
    [
      "proxy: JSON nested 100 000 deep, correctly signed",
      () => signedProxy(deep(100_000)),
      (a) => expect(a !== "connection closed" && a.status).toBe(400),
    ],
    [
      "Suitelet: an envelope nested 100 000 deep",
      () => toSuitelet(`{"v":1,"envelope":${deep(100_000)},"payload":"{}","signature":"t=1,v1=00"}`),
      (a) => expect(a !== "connection closed" && resultOf(a)).toBe("refused"),
    ],
    [
      "proxy: 12 000 fields, correctly signed",
      () => signedProxy(manyFields(12_000)),
      (a) => expect(a !== "connection closed" && a.status).toBe(400),
    ],
    [
      "Suitelet: 100 000 fields",
      () => toSuitelet(manyFields(100_000)),
      (a) => {
        expect(a !== "connection closed" && resultOf(a)).toBe("refused");
        // The refusal does not echo the flood back.
        expect(a !== "connection closed" && a.text.length).toBeLessThan(10_000);
      },
    ],
  ];
  it.each(cases)("%s: refused, no crash", async (_name, attack, check) => {
    count("bodies");
    const res = await unchanged(attack);
    check(res);
    await healthy();
  });
});

secretsInLogs();
