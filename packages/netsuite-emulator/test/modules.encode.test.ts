import { describe, expect, it } from "vitest";
import { makeEnv } from "./helpers/module-env.js";

interface EncodeModule {
  Encoding: { UTF_8: string; BASE_64: string; BASE_64_URL_SAFE: string; HEX: string; BASE_32: string };
  convert(o: unknown): string;
}

describe("N/encode", () => {
  const encode = makeEnv().module<EncodeModule>("N/encode");
  const { Encoding } = encode;
  const convert = (string: string, inputEncoding: string, outputEncoding: string) =>
    encode.convert({ string, inputEncoding, outputEncoding });

  it("converts between UTF-8, Base64, URL-safe Base64 and hex", () => {
    expect(convert("héllo?>", Encoding.UTF_8, Encoding.BASE_64)).toBe("aMOpbGxvPz4=");
    expect(convert("aMOpbGxvPz4=", Encoding.BASE_64, Encoding.UTF_8)).toBe("héllo?>");
    expect(convert("héllo?>", Encoding.UTF_8, Encoding.BASE_64_URL_SAFE)).toBe("aMOpbGxvPz4=");
    expect(convert("\u00ff\u00fe", Encoding.UTF_8, Encoding.BASE_64_URL_SAFE)).toBe("w7_Dvg==");
    expect(convert("w7_Dvg==", Encoding.BASE_64_URL_SAFE, Encoding.UTF_8)).toBe("\u00ff\u00fe");
    expect(convert("AB", Encoding.UTF_8, Encoding.HEX)).toBe("4142");
    expect(convert("4142", Encoding.HEX, Encoding.UTF_8)).toBe("AB");
  });

  it("checks arguments", () => {
    expect(() => encode.convert({ inputEncoding: "UTF_8", outputEncoding: "HEX" })).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
    expect(() => convert("x", "UTF_8", "ROT13")).toThrow(
      expect.objectContaining({ name: "INVALID_ENCODING" }),
    );
    expect(() => convert("x", "UTF_8", Encoding.BASE_32)).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/encode.convert(BASE_32)",
    );
  });
});
