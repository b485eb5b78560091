/** The opened-seal cache: hits, its bound, and never opening with a key the proxy no longer holds. */
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { SealCache, type SealKey, seal } from "../src/index.js";
import { K1, K2, SECRET, sealKeys } from "./helpers.js";

const target = (account: string) => ({ url: "https://1.extforms.netsuite.com/x", secret: SECRET, account });

it("opens a seal once and answers the same seal from memory", () => {
  const k1 = sealKeys(K1);
  const cache = new SealCache();
  const sealed = seal(target("1"), k1);
  const first = cache.open(sealed, k1);
  expect(first).toEqual({ ok: true, value: target("1") });
  expect(cache.open(sealed, k1)).toBe(first);
});

it("forgets everything when the key set changes: a retired key no longer opens", () => {
  const cache = new SealCache();
  const old = seal(target("1"), sealKeys(K1));
  expect(cache.open(old, sealKeys(`${K2},${K1}`)).ok).toBe(true);
  expect(cache.open(old, sealKeys(`${K2},${K1}`)).ok).toBe(true); // an equal key set keeps the entries
  expect(cache.size).toBe(1);
  expect(cache.open(old, sealKeys(K2))).toMatchObject({ ok: false, code: "SEAL_UNKNOWN_KEY" });
  expect(cache.size).toBe(0);
});

it("notices a key replaced in place under the same kid", () => {
  const held = sealKeys(K1);
  const cache = new SealCache();
  const sealed = seal(target("1"), held);
  expect(cache.open(sealed, held).ok).toBe(true);
  (held[0] as SealKey).key = randomBytes(32);
  expect(cache.open(sealed, held)).toMatchObject({ ok: false, code: "SEAL_INVALID" });
});

it("keeps only seals that opened, and at most its capacity, dropping the least recently used", () => {
  const k1 = sealKeys(K1);
  const cache = new SealCache(2);
  expect(cache.open("v1.k1.AAAA", k1).ok).toBe(false);
  expect(cache.size).toBe(0);
  const [a, b, c] = ["a", "b", "c"].map((account) => seal(target(account), k1)) as [string, string, string];
  const openedA = cache.open(a, k1);
  cache.open(b, k1);
  expect(cache.open(a, k1)).toBe(openedA); // a is now the most recent
  cache.open(c, k1); // evicts b
  expect(cache.size).toBe(2);
  expect(cache.open(a, k1)).toBe(openedA);
  const reopenedB = cache.open(b, k1);
  expect(reopenedB).toEqual({ ok: true, value: target("b") });
});
