import { describe, expect, it } from "vitest";
import { countryCode, ISO_COUNTRIES, NETSUITE_EXTRA_COUNTRIES, toCountryCode } from "../src/countries.js";

const fold = (t: string) =>
  t
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]/g, "");

describe("country table", () => {
  it("holds all 249 officially assigned ISO 3166-1 alpha-2 codes", () => {
    const codes = Object.keys(ISO_COUNTRIES);
    expect(codes).toHaveLength(249);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(codes).toEqual([...codes].sort());
  });

  it("gives every name to exactly one country", () => {
    const owner = new Map<string, string>();
    for (const table of [ISO_COUNTRIES, NETSUITE_EXTRA_COUNTRIES]) {
      for (const [code, names] of Object.entries(table)) {
        for (const name of names.split("|")) {
          const key = fold(name);
          expect(key, `${code} ${name}`).not.toBe("");
          const previous = owner.get(key);
          expect(previous === undefined || previous === code, `${name}: ${previous} and ${code}`).toBe(true);
          owner.set(key, code);
        }
      }
    }
  });

  it("maps each country's own names back to its code", () => {
    for (const [code, names] of Object.entries(ISO_COUNTRIES)) {
      for (const name of names.split("|")) expect(countryCode(name)).toBe(code);
    }
  });
});

describe("countryCode", () => {
  it.each([
    ["US", "US"],
    ["us", "US"],
    [" gb ", "GB"],
    ["United States", "US"],
    ["united states of america", "US"],
    ["United Kingdom", "GB"],
    ["United Kingdom (GB)", "GB"],
    ["UK", "GB"],
    ["Korea, Republic of", "KR"],
    ["Korea, Democratic People's Republic", "KP"],
    ["Côte d'Ivoire", "CI"],
    ["Cote d'Ivoire", "CI"],
    ["Curaçao", "CW"],
    ["Trinidad & Tobago", "TT"],
    ["Croatia/Hrvatska", "HR"],
    ["St. Pierre and Miquelon", "PM"],
    ["State of Palestine", "PS"],
    ["Congo, Democratic Republic of", "CD"],
    ["Congo, Republic of", "CG"],
  ])("reads the name or code %j as %s", (value, code) => {
    expect(countryCode(value)).toBe(code);
  });

  it.each([
    ["_unitedStates", "US"],
    ["_unitedKingdomGB", "GB"],
    ["_koreaRepublicOf", "KR"],
    ["_koreaDemocraticPeoplesRepublic", "KP"],
    ["_congoDemocraticPeoplesRepublic", "CD"],
    ["_congoRepublicOf", "CG"],
    ["_coteDIvoire", "CI"],
    ["_croatiaHrvatska", "HR"],
    ["_holySeeCityVaticanState", "VA"],
    ["_iranIslamicRepublicOf", "IR"],
    ["_uSMinorOutlyingIslands", "UM"],
    ["_virginIslandsUSA", "VI"],
    ["_stPierreAndMiquelon", "PM"],
    ["_palestinianTerritories", "PS"],
    ["_myanmar", "MM"],
    ["_wallisAndFutunaIslands", "WF"],
    ["_saintBarthelemy", "BL"],
    ["_curacao", "CW"],
  ])("reads NetSuite's enum %s as %s", (value, code) => {
    expect(countryCode(value)).toBe(code);
  });

  it("reads NetSuite's non-ISO countries as the codes Stripe uses", () => {
    expect(countryCode("Kosovo")).toBe("XK");
    expect(countryCode("_kosovo")).toBe("XK");
    expect(countryCode("XK")).toBe("XK");
    expect(countryCode("_canaryIslands")).toBe("IC");
    expect(countryCode("Ceuta and Melilla")).toBe("EA");
  });

  it.each(["", "  ", "ZZ", "Atlantis", "U.S", "United", "USAA", "__"])("knows no country %j", (value) => {
    expect(countryCode(value)).toBeUndefined();
  });
});

describe("toCountryCode", () => {
  it("returns the code", () => {
    expect(toCountryCode("Germany", "column 4 (billcountry)")).toEqual({ ok: true, value: "DE" });
  });

  it("names the value and the column when the country is unknown", () => {
    const result = toCountryCode("Atlantis", "column 4 (billcountry)");
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: "UNKNOWN_COUNTRY",
          message:
            'column 4 (billcountry) holds "Atlantis", which is not a country NetSuite or ISO 3166-1 knows.',
          fix: "Choose a country from NetSuite's list, or give its two-letter ISO code (e.g. US, GB, DE).",
          field: "column 4 (billcountry)",
        },
      ],
    });
  });
});
