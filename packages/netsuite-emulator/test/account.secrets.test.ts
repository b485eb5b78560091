/** The account's API secrets: where their values come from and the restrictions set on them. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AccountSecrets } from "../src/account/secrets.js";

const dir = mkdtempSync(join(tmpdir(), "nss-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (content: unknown): string => {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(content));
  return path;
};
const load = (path: string, env: Record<string, string> = {}, given?: Record<string, string>) =>
  AccountSecrets.load({
    file: path,
    explicit: true,
    display: "secrets.json",
    env,
    ...(given ? { given } : {}),
  });
const use = {
  scriptId: "customscript_a",
  appId: "com.example.app",
  url: "https://api.stripe.com/v1/customers",
};

describe("AccountSecrets", () => {
  it("takes values from the file, the environment over it, and code over both; any custsecret_ ID", () => {
    const secrets = load(
      file({ custsecret_a: "from-file", custsecret_b: "from-file" }),
      { NSS_SECRET_CUSTSECRET_B: "from-env", NSS_SECRET_CUSTSECRET_C: "env-only", OTHER: "x" },
      { custsecret_c: "from-code" },
    );
    expect(secrets.ids()).toEqual(["custsecret_a", "custsecret_b", "custsecret_c"]);
    expect(secrets.resolve("custsecret_a", use)).toBe("from-file");
    expect(secrets.resolve("CUSTSECRET_B", use)).toBe("from-env");
    expect(secrets.resolve("custsecret_c", use)).toBe("from-code");
  });

  it("fails the request naming the secret to create when the account has none of that ID", () => {
    expect(() => load(file({})).resolve("custsecret_missing", use)).toThrow(
      expect.objectContaining({
        name: "EMULATOR_SECRET_NOT_FOUND",
        message: expect.stringContaining("Create it at Setup > Company > Preferences > API Secrets"),
      }),
    );
  });

  it("keeps a secret to the scripts, SuiteApp and domains its restrictions allow", () => {
    const secrets = load(
      file({
        custsecret_scripts: { value: "s", scripts: ["customscript_b"] },
        custsecret_app: { value: "a", suiteApp: "com.example.other" },
        custsecret_domain: { value: "d", domains: ["api.stripe.com"] },
      }),
    );
    const refused = (id: string, u = use) => {
      try {
        secrets.resolve(id, u);
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
      return "allowed";
    };
    expect(refused("custsecret_scripts")).toContain("Restrict to Scripts does not list customscript_a");
    expect(refused("custsecret_scripts", { ...use, scriptId: "customscript_b" })).toBe("allowed");
    expect(refused("custsecret_app")).toContain("available to the SuiteApp com.example.other only");
    expect(refused("custsecret_domain")).toBe("allowed");
    expect(refused("custsecret_domain", { ...use, url: "https://evil.example.com/" })).toBe(
      "EMULATOR_SECRET_RESTRICTED: API secret custsecret_domain may not be used here: Restrict to Domains allows api.stripe.com, not evil.example.com.",
    );
  });

  it("refuses a malformed file, a bad ID and an unknown restriction", () => {
    expect(() => load(join(dir, "nope.json"))).toThrow("secrets.json: secrets file not found");
    expect(() => load(file({ api_key: "x" }))).toThrow('"api_key" is not an API secret ID');
    expect(() => load(file({ custsecret_a: 42 }))).toThrow("custsecret_a: expected a string");
    expect(() => load(file({ custsecret_a: { value: "x", roles: [] } }))).toThrow(
      "custsecret_a: unknown roles",
    );
  });
});
