/** Configuration: defaults, and a message naming each bad variable (never quoting a secret). */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/index.js";
import { ADMIN_TOKEN, K1, K2 } from "./helpers.js";

const REQUIRED = { PROXY_SEAL_KEYS: K1, PROXY_ADMIN_TOKEN: ADMIN_TOKEN };

const problemsOf = (env: Record<string, string>) => {
  const loaded = loadConfig(env);
  return loaded.ok ? [] : loaded.errors.map((e) => ({ field: e.field, message: e.message }));
};

describe("loadConfig", () => {
  it("applies the defaults", () => {
    const loaded = loadConfig(REQUIRED);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.value).toMatchObject({
      port: 8787,
      host: "0.0.0.0",
      publicUrl: undefined,
      maxBodyBytes: 262_144,
      forwardTimeoutMs: 10_000,
      signatureToleranceS: 300,
      logLevel: "info",
      allowedTargets: [{ protocol: "https:", host: "extforms.netsuite.com", wildcard: true, port: "" }],
    });
    expect(loaded.value.sealKeys.map((k) => k.kid)).toEqual(["k1"]);
  });

  it("reads every variable", () => {
    const loaded = loadConfig({
      PROXY_SEAL_KEYS: `${K2}, ${K1}`,
      PROXY_ADMIN_TOKEN: ADMIN_TOKEN,
      PROXY_PORT: "9000",
      PROXY_HOST: "127.0.0.1",
      PROXY_PUBLIC_URL: "https://proxy.example.com/",
      PROXY_ALLOWED_TARGETS: "http://127.0.0.1:8081, https://*.extforms.netsuite.com",
      PROXY_MAX_BODY_BYTES: "65536",
      PROXY_FORWARD_TIMEOUT_MS: "2500",
      PROXY_SIGNATURE_TOLERANCE_S: "60",
      LOG_LEVEL: "warn",
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.value).toMatchObject({
      port: 9000,
      host: "127.0.0.1",
      publicUrl: "https://proxy.example.com",
      maxBodyBytes: 65_536,
      forwardTimeoutMs: 2500,
      signatureToleranceS: 60,
      logLevel: "warn",
    });
    expect(loaded.value.sealKeys.map((k) => k.kid)).toEqual(["k2", "k1"]);
    expect(loaded.value.allowedTargets).toHaveLength(2);
  });

  it.each([
    ["PROXY_PORT", "eighty"],
    ["PROXY_PORT", "70000"],
    ["PROXY_HOST", "http://0.0.0.0"],
    ["PROXY_SEAL_KEYS", "k1:dG9vIHNob3J0"],
    ["PROXY_SEAL_KEYS", "no-colon-here"],
    ["PROXY_SEAL_KEYS", `${K1},${K1}`],
    ["PROXY_ADMIN_TOKEN", "short-token"],
    ["PROXY_ADMIN_TOKEN", "a token with spaces and a colon: 0123456789"],
    ["PROXY_PUBLIC_URL", "ftp://proxy.example.com"],
    ["PROXY_PUBLIC_URL", "https://proxy.example.com/?x=1"],
    ["PROXY_ALLOWED_TARGETS", "https://*.com"],
    ["PROXY_ALLOWED_TARGETS", "https://user:pw@host.example.com"],
    ["PROXY_ALLOWED_TARGETS", "https://host.example.com/path"],
    ["PROXY_ALLOWED_TARGETS", "ftp://host.example.com"],
    ["PROXY_MAX_BODY_BYTES", "10000000"],
    ["PROXY_FORWARD_TIMEOUT_MS", "-1"],
    ["PROXY_SIGNATURE_TOLERANCE_S", "0"],
    ["LOG_LEVEL", "loud"],
  ])("names %s when it is %s", (name, value) => {
    const problems = problemsOf({ ...REQUIRED, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe(name);
    expect(problems[0]?.message).toContain(name);
  });

  it("names both required variables when they are missing, every problem at once", () => {
    const problems = problemsOf({ PROXY_PORT: "x" });
    expect(problems.map((p) => p.field)).toEqual(["PROXY_PORT", "PROXY_SEAL_KEYS", "PROXY_ADMIN_TOKEN"]);
  });

  it("serves HTTPS with a certificate and key file given together", () => {
    const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
    const both = loadConfig({
      ...REQUIRED,
      PROXY_TLS_CERT_FILE: `${fixtures}cert.pem`,
      PROXY_TLS_KEY_FILE: `${fixtures}key.pem`,
    });
    expect(both.ok && both.value.tls?.cert).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(problemsOf({ ...REQUIRED, PROXY_TLS_CERT_FILE: `${fixtures}cert.pem` })).toEqual([
      expect.objectContaining({ field: "PROXY_TLS_KEY_FILE" }),
    ]);
    expect(
      problemsOf({ ...REQUIRED, PROXY_TLS_CERT_FILE: "/nope.pem", PROXY_TLS_KEY_FILE: `${fixtures}key.pem` }),
    ).toEqual([
      expect.objectContaining({
        field: "PROXY_TLS_CERT_FILE",
        message: expect.stringContaining("cannot be read"),
      }),
    ]);
  });

  it("never quotes a secret in its messages", () => {
    const badKey = `k1:${Buffer.alloc(31, 7).toString("base64")}`;
    const problems = problemsOf({ PROXY_SEAL_KEYS: badKey, PROXY_ADMIN_TOKEN: "hunter2-too-short" });
    const text = JSON.stringify(problems);
    expect(text).not.toContain(badKey.slice(3));
    expect(text).not.toContain("hunter2");
  });
});
