/**
 * The proxy's seal: a webhook URL's `pp_url` tampered with (kid, version, IV, ciphertext and tag bits,
 * truncation, length), sealed with another key, or sealing a target that is not an allowed NetSuite host
 * (a foreign host, another scheme or port, userinfo, a look-alike subdomain, localhost); and the admin
 * route `POST /seal` without the right admin token or for a target it must not seal. Each is refused
 * with nothing forwarded to NetSuite and nothing changed there, and `/seal` hands out no sealed value.
 */
import { randomBytes } from "node:crypto";
import type { SealKey } from "@nss/proxy";
import { describe, expect, it } from "vitest";
import {
  codeOf,
  count,
  eventBody,
  post,
  ppUrl1,
  sealed,
  secretsInLogs,
  sign,
  sys,
  target1,
  toProxy,
  unchanged,
  useSecuritySystem,
} from "./system.js";

useSecuritySystem();

describe("pp_url", () => {
  const flip = (pp: string, where: "iv" | "ciphertext" | "tag") => {
    const [v, kid, data] = pp.split(".") as [string, string, string];
    const bytes = Buffer.from(data, "base64url");
    const at = where === "iv" ? 3 : where === "tag" ? bytes.length - 2 : 12 + 7;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    return `${v}.${kid}.${bytes.toString("base64url")}`;
  };
  const base = () => new URL(sys.server.formsUrl);
  const retarget = (url: string) => {
    const u = new URL(target1.url);
    return `${url}${u.pathname}${u.search}`;
  };
  const otherKey = (kid: string): SealKey[] => [{ kid, key: randomBytes(32) }];
  const cases: [string, () => string | undefined, string][] = [
    [
      "kid changed to one the proxy does not hold",
      () => ppUrl1.replace(/^v1\.k1\./, "v1.k2."),
      "seal_unknown_key",
    ],
    ["kid with an invalid character", () => ppUrl1.replace(/^v1\.k1\./, "v1.k!."), "seal_malformed"],
    ["version changed", () => ppUrl1.replace(/^v1\./, "v2."), "seal_malformed"],
    ["one IV bit flipped", () => flip(ppUrl1, "iv"), "seal_invalid"],
    ["one ciphertext bit flipped", () => flip(ppUrl1, "ciphertext"), "seal_invalid"],
    ["one tag bit flipped", () => flip(ppUrl1, "tag"), "seal_invalid"],
    ["truncated by 8 characters", () => ppUrl1.slice(0, -8), "seal_invalid"],
    ["truncated to IV and tag length", () => ppUrl1.slice(0, 6 + 37), "seal_invalid"],
    ["only the prefix", () => "v1.k1.", "seal_malformed"],
    ["over 4096 characters", () => `${ppUrl1}${"A".repeat(4100)}`, "seal_malformed"],
    ["sealed with another key under the same kid", () => sealed(target1, otherKey("k1")), "seal_invalid"],
    ["sealed with another proxy's key and kid", () => sealed(target1, otherKey("k7")), "seal_unknown_key"],
    [
      "a foreign host (https://evil.example.com)",
      () => sealed({ ...target1, url: "https://evil.example.com/app/site/hosting/scriptlet.nl?script=1" }),
      "target_not_allowed",
    ],
    [
      "NetSuite's own default host pattern, not an allowed target here",
      () =>
        sealed({ ...target1, url: "https://1234567.extforms.netsuite.com/app/site/hosting/scriptlet.nl" }),
      "target_not_allowed",
    ],
    [
      "https instead of the allowed http",
      () => sealed({ ...target1, url: retarget(`https://${base().host}`) }),
      "target_not_allowed",
    ],
    [
      "the allowed host with userinfo",
      () => sealed({ ...target1, url: retarget(`http://user:pass@${base().host}`) }),
      "target_not_allowed",
    ],
    [
      "userinfo that looks like the allowed host (http://127.0.0.1:port@evil.example.com)",
      () => sealed({ ...target1, url: retarget(`http://${base().host}@evil.example.com`) }),
      "target_not_allowed",
    ],
    [
      "the allowed host on another port (NetSuite's app domain)",
      () => sealed({ ...target1, url: retarget(sys.server.appUrl) }),
      "target_not_allowed",
    ],
    [
      "the allowed host as a subdomain prefix (127.0.0.1.evil.example.com)",
      () =>
        sealed({ ...target1, url: retarget(`http://${base().hostname}.evil.example.com:${base().port}`) }),
      "target_not_allowed",
    ],
    [
      "localhost instead of 127.0.0.1",
      () => sealed({ ...target1, url: retarget(`http://localhost:${base().port}`) }),
      "target_not_allowed",
    ],
    ["missing", () => undefined, "seal_missing"],
    ["empty", () => "", "seal_missing"],
  ];
  it.each(cases)("%s", async (_name, make, code) => {
    count("pp_url");
    const pp = make();
    const body = eventBody();
    const res = await unchanged(() => toProxy(pp, body, sign(body, target1.secret)));
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe(code);
  });

  const sealCases: [string, () => string | undefined, () => unknown, number, string][] = [
    ["POST /seal without the admin token", () => undefined, () => target1, 401, "unauthorized"],
    [
      "POST /seal with a wrong admin token",
      () => `Bearer ${randomBytes(24).toString("base64url")}`,
      () => target1,
      401,
      "unauthorized",
    ],
    [
      "POST /seal with the admin token minus its last character",
      () => `Bearer ${sys.adminToken.slice(0, -1)}`,
      () => target1,
      401,
      "unauthorized",
    ],
    [
      "POST /seal with the admin token as Basic auth",
      () => `Basic ${Buffer.from(`${sys.adminToken}:`).toString("base64")}`,
      () => target1,
      401,
      "unauthorized",
    ],
    [
      "POST /seal with the admin token but a foreign host",
      () => `Bearer ${sys.adminToken}`,
      () => ({ ...target1, url: "https://evil.example.com/app/site/hosting/scriptlet.nl" }),
      400,
      "target_not_allowed",
    ],
    [
      "POST /seal with the admin token but the allowed host with userinfo",
      () => `Bearer ${sys.adminToken}`,
      () => ({ ...target1, url: target1.url.replace("http://", "http://user:pass@") }),
      400,
      "target_not_allowed",
    ],
  ];
  it.each(sealCases)("%s", async (_name, auth, body, status, code) => {
    count("pp_url");
    const authorization = auth();
    const res = await unchanged(() =>
      post(`${sys.receiving.url}/seal`, JSON.stringify(body()), {
        "Content-Type": "application/json",
        ...(authorization ? { Authorization: authorization } : {}),
      }),
    );
    expect([res.status, codeOf(res)]).toEqual([status, code]);
    expect(res.text).not.toContain("v1.k1.");
  });
});

secretsInLogs();
