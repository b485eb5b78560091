/** `nss-netsuite-emulator serve`: options, the seed file, and the served account. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSeed, serve } from "../src/cli-serve.js";
import { cli } from "./helpers/cli.js";
import { HTTP_PROJECT, login } from "./helpers/http.js";

const tmp = () => mkdtempSync(join(tmpdir(), "nss-serve-"));

describe("serve", () => {
  it("serves the project with seeded records and prints its URLs", async () => {
    const seed = join(tmp(), "seed.json");
    writeFileSync(
      seed,
      JSON.stringify({
        records: [{ type: "customer", values: { companyname: "Seeded Co", subsidiary: "1" } }],
      }),
    );
    const printed: string[] = [];
    const running = await serve(
      { project: HTTP_PROJECT, port: 0, formsPort: 0, host: "127.0.0.1", install: true, seed },
      (t) => printed.push(t),
    );
    try {
      const text = printed.join("");
      expect(text).toContain("NetSuite emulator for HTTP fixture (account TSTDRV0000001)");
      expect(text).toContain("seeded 1 records");
      const appUrl = /app: +(http:\/\/127\.0\.0\.1:\d+)\//.exec(text)?.[1] ?? "";
      const cookie = await login(appUrl);
      const list = await fetch(`${appUrl}/app/common/entity/custjoblist.nl`, { headers: { Cookie: cookie } });
      expect(await list.text()).toContain("Seeded Co");
    } finally {
      await running.stop();
    }
  });

  it("refuses bad options and seed files with what is wrong", async () => {
    expect(await cli("serve")).toMatchObject({ code: 2, err: expect.stringContaining("Missing --project.") });
    expect(await cli("serve", "--project", HTTP_PROJECT, "--port", "http")).toMatchObject({
      code: 2,
      err: "--port http: expected a port number (0-65535).\n",
    });
    const dir = tmp();
    writeFileSync(join(dir, "bad.json"), "{ nope");
    expect(() => readSeed(join(dir, "bad.json"))).toThrow(/^--seed .*bad\.json: /);
    writeFileSync(join(dir, "shape.json"), JSON.stringify([{ type: "customer" }]));
    expect(() => readSeed(join(dir, "shape.json"))).toThrow(
      'record 0 needs "type" (a string) and "values" (an object).',
    );
    writeFileSync(
      join(dir, "invalid.json"),
      JSON.stringify([{ type: "customer", values: { companyname: "No subsidiary" } }]),
    );
    const res = await cli(
      "serve",
      "--project",
      HTTP_PROJECT,
      "--port",
      "0",
      "--seed",
      join(dir, "invalid.json"),
    );
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/^Cannot serve .*: Error: --seed record 0 \(customer\): /);
  });
});
