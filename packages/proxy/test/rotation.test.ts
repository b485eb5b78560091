/** Key rotation: a URL sealed before the rotation keeps working after a new key becomes current. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { openSeal } from "../src/index.js";
import {
  ADMIN_TOKEN,
  customerEvent,
  K1,
  K2,
  postSigned,
  SECRET,
  type StubNetSuite,
  sealKeys,
  sealTarget,
  startStubNetSuite,
  startTestProxy,
  type TestProxy,
} from "./helpers.js";

const logs: string[] = [];
let stub: StubNetSuite;
let before: TestProxy;
let after: TestProxy;

beforeAll(async () => {
  stub = await startStubNetSuite();
  before = await startTestProxy({ PROXY_SEAL_KEYS: K1, PROXY_ALLOWED_TARGETS: stub.origin }, logs);
  after = await startTestProxy({ PROXY_SEAL_KEYS: `${K2},${K1}`, PROXY_ALLOWED_TARGETS: stub.origin }, logs);
});

afterAll(async () => {
  await Promise.all([before.close(), after.close()]);
  await stub.close();
});

const sealedValues: string[] = [];

const sealVia = async (proxyUrl: string) => {
  const response = await fetch(`${proxyUrl}/seal`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ url: stub.url, secret: SECRET, account: "7" }),
  });
  const sealed = ((await response.json()) as { pp_url: string }).pp_url;
  sealedValues.push(sealed);
  return sealed;
};

it("opens a pp_url sealed with k1 after k2 became the sealing key", async () => {
  const old = await sealVia(before.url);
  expect(old.startsWith("v1.k1.")).toBe(true);
  expect((await postSigned(after.url, old)).status).toBe(200);
  expect(stub.calls).toHaveLength(1);
});

it("seals new URLs with k2, which the proxy still holding only k1 cannot open", async () => {
  const fresh = await sealVia(after.url);
  expect(fresh.startsWith("v1.k2.")).toBe(true);
  const payload = customerEvent();
  expect((await postSigned(after.url, fresh, payload)).status).toBe(200);
  const refused = await postSigned(before.url, fresh, payload);
  expect(refused).toMatchObject({ status: 400, body: { error: { code: "seal_unknown_key" } } });
});

it("binds the kid: the same key material under another kid does not open", () => {
  const [, material] = K1.split(":");
  const sealed = sealTarget({ url: stub.url, secret: SECRET, account: "7" });
  const moved = sealed.replace(/^v1\.k1\./, "v1.k9.");
  expect(openSeal(moved, sealKeys(`k9:${material}`))).toMatchObject({ ok: false, code: "SEAL_INVALID" });
  expect(openSeal(sealed, sealKeys(K1))).toEqual({
    ok: true,
    value: { url: stub.url, secret: SECRET, account: "7" },
  });
});

it("logs none of the sealed values, keys or the NetSuite URL", () => {
  expect(logs.length).toBeGreaterThan(4);
  const forbidden = [...sealedValues, SECRET, stub.url, stub.origin, "pp_url", K1.slice(3), K2.slice(3)];
  for (const line of logs) for (const value of forbidden) expect(line).not.toContain(value);
});
