/** An account without OneWorld: no subsidiaries, and a project that requires them does not deploy. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_FEATURES, Features } from "../src/account/features.js";
import { AccountData } from "../src/data/store.js";
import { NetSuiteEmulator } from "../src/emulator.js";

const NO_ONEWORLD = DEFAULT_FEATURES.filter((f) => f !== "SUBSIDIARIES" && f !== "MULTISUBSIDIARYCUSTOMER");
const query = (columns: { name: string; join?: string }[], filters: unknown[] = []) => ({
  id: null,
  scriptId: null,
  type: "customer",
  title: null,
  filters: [],
  filterExpression: filters,
  columns,
  isPublic: false,
});

describe("an account without OneWorld", () => {
  const data = new AccountData(undefined, { features: new Features(NO_ONEWORLD) });
  afterAll(() => data.close());

  it("has customers without a subsidiary field, and no subsidiary record", () => {
    const id = data.seedCustomer({ companyname: "Solo Ltd" });
    expect(data.loadRecord("customer", id, false).values.subsidiary).toBeUndefined();
    expect(() => data.loadRecord("subsidiary", 1, false)).toThrow(
      expect.objectContaining({ name: "INVALID_RCRD_TYPE" }),
    );
    expect(data.runSearch(query([{ name: "entityid" }]), 0, 10).total).toBe(1);
  });

  it("refuses searches naming subsidiary or the msesubsidiary join, as NetSuite does there", () => {
    expect(() => data.runSearch(query([{ name: "subsidiary" }]), 0, 10)).toThrow(
      "An nlobjSearchColumn contains an invalid column, or is not in proper syntax: subsidiary.",
    );
    expect(() =>
      data.runSearch(query([{ name: "entityid" }], [["subsidiary", "anyof", "1"]]), 0, 10),
    ).toThrow(expect.objectContaining({ name: "SSS_INVALID_SRCH_FILTER" }));
    expect(() => data.runSearch(query([{ name: "internalid", join: "msesubsidiary" }]), 0, 10)).toThrow(
      expect.objectContaining({ name: "SSS_INVALID_SRCH_COLUMN_JOIN" }),
    );
  });

  it("needs OneWorld for Multi-Subsidiary Customer", () => {
    expect(() => new Features(["MULTISUBSIDIARYCUSTOMER"])).toThrow("needs SUBSIDIARIES");
  });

  it("tells leads and prospects from customers by stage", () => {
    const lead = data.seedCustomer({ companyname: "Lead Ltd", stage: "LEAD" });
    const rows = data.runSearch(query([{ name: "entityid" }], [["stage", "anyof", "CUSTOMER"]]), 0, 10).rows;
    expect(rows.map((r) => Number(r.id))).not.toContain(lead);
    expect(data.fieldText("customer", "stage", "PROSPECT")).toBe("Prospect");
    expect(() => data.seedCustomer({ companyname: "X", stage: "PARTNER" })).toThrow(
      expect.objectContaining({ name: "INVALID_FLD_VALUE" }),
    );
  });
});

describe("deploying to an account without OneWorld", () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  it("fails when the manifest requires SUBSIDIARIES, naming the feature", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nss-features-"));
    temps.push(dir);
    cpSync(fileURLToPath(new URL("./fixtures/access-project", import.meta.url)), dir, { recursive: true });
    const manifest = join(dir, "src", "manifest.xml");
    writeFileSync(
      manifest,
      readFileSync(manifest, "utf8").replace(
        "</features>",
        '  <feature required="true">SUBSIDIARIES</feature>\n    </features>',
      ),
    );
    await expect(NetSuiteEmulator.open({ projectDir: dir, env: {}, features: NO_ONEWORLD })).rejects.toThrow(
      "src/manifest.xml: <manifest>/<dependencies>/<features>: the project requires SUBSIDIARIES",
    );
  });
});
