import { describe, expect, it } from "vitest";
import { makeEnv } from "./helpers/module-env.js";

interface FormatModule {
  Type: Record<string, string>;
  format(o: unknown): string;
  parse(o: unknown): unknown;
  getCurrencyFormatter(o: unknown): unknown;
}

describe("N/format (user preferences fixed: M/D/YYYY, h:mm a, UTC)", () => {
  const format = makeEnv().module<FormatModule>("N/format");
  const { Type } = format;

  it("formats dates, datetimes, checkboxes and numbers", () => {
    const d = new Date("2024-01-05T15:04:05Z");
    expect(format.format({ value: d, type: Type.DATE })).toBe("1/5/2024");
    expect(format.format({ value: d, type: Type.DATETIME })).toBe("1/5/2024 3:04:05 pm");
    expect(format.format({ value: d, type: Type.DATETIMETZ })).toBe("1/5/2024 3:04:05 pm");
    expect(format.format({ value: true, type: Type.CHECKBOX })).toBe("T");
    expect(format.format({ value: false, type: Type.CHECKBOX })).toBe("F");
    expect(format.format({ value: 1234.5, type: Type.CURRENCY })).toBe("1,234.50");
    expect(format.format({ value: 12.9, type: Type.INTEGER })).toBe("12");
    expect(format.format({ value: 1.25, type: Type.FLOAT })).toBe("1.25");
    expect(format.format({ value: "abc", type: Type.TEXT })).toBe("abc");
  });

  it("parses the same forms back", () => {
    const date = format.parse({ value: "1/5/2024", type: Type.DATE }) as Date;
    expect(date.toISOString()).toBe("2024-01-05T00:00:00.000Z");
    const dt = format.parse({ value: "1/5/2024 3:04:05 pm", type: Type.DATETIME }) as Date;
    expect(dt.toISOString()).toBe("2024-01-05T15:04:05.000Z");
    expect(format.parse({ value: "T", type: Type.CHECKBOX })).toBe(true);
    expect(format.parse({ value: "F", type: Type.CHECKBOX })).toBe(false);
    expect(format.parse({ value: "1,234.50", type: Type.CURRENCY })).toBe(1234.5);
    expect(format.parse({ value: "42", type: Type.INTEGER })).toBe(42);
    expect(format.parse({ value: "2.5", type: Type.FLOAT })).toBe(2.5);
    expect(format.parse({ value: "x", type: Type.TEXT })).toBe("x");
    expect(format.parse({ value: "not a date", type: Type.DATE })).toBe("not a date");
    expect(format.parse({ value: "2/30/2024", type: Type.DATE })).toBe("2/30/2024");
  });

  it("checks arguments and refuses what it does not do", () => {
    expect(() => format.format({ value: 1 })).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
    expect(() => format.format({ type: Type.TEXT })).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
    expect(() => format.format({ value: 1, type: "bogus" })).toThrow(
      expect.objectContaining({ name: "SSS_INVALID_TYPE_ARG" }),
    );
    expect(() => format.getCurrencyFormatter({})).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/format.getCurrencyFormatter",
    );
  });
});
