import { describe, expect, it } from "vitest";
import {
  CLI_FLAGS,
  type CliOptions,
  DEFAULT_HOST,
  DEFAULT_PORT,
  parseCliArgs,
  usageText,
} from "../src/cli-args.js";

const ok = (argv: string[]): CliOptions => {
  const result = parseCliArgs(argv);
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result.options;
};

const fail = (argv: string[]): string => {
  const result = parseCliArgs(argv);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(argv)}`);
  return result.message;
};

describe("parseCliArgs", () => {
  it("defaults to port 12111 on 127.0.0.1 with nothing optional set", () => {
    expect(ok([])).toEqual({ port: 12111, host: "127.0.0.1", help: false });
    expect(DEFAULT_PORT).toBe(12111);
    expect(DEFAULT_HOST).toBe("127.0.0.1");
  });

  it("reads every option as --flag value", () => {
    expect(
      ok([
        "--port",
        "8080",
        "--host",
        "0.0.0.0",
        "--db",
        "state.sqlite",
        "--rate-limit",
        "25",
        "--rate-limits",
        "stripe",
        "--search-lag-ms",
        "1000",
        "--retry-scale",
        "0.001",
      ]),
    ).toEqual({
      port: 8080,
      host: "0.0.0.0",
      db: "state.sqlite",
      rateLimit: 25,
      rateLimits: "stripe",
      searchLagMs: 1000,
      retryScale: 0.001,
      help: false,
    });
  });

  it("reads every option as --flag=value, keeping '=' inside the value", () => {
    expect(
      ok([
        "--port=0",
        "--host=::1",
        "--db=a=b.db",
        "--rate-limit=0",
        "--rate-limits=off",
        "--search-lag-ms=0",
        "--retry-scale=2",
      ]),
    ).toEqual({
      port: 0,
      host: "::1",
      db: "a=b.db",
      rateLimit: 0,
      rateLimits: "off",
      searchLagMs: 0,
      retryScale: 2,
      help: false,
    });
  });

  it("accepts --help and -h", () => {
    expect(ok(["--help"]).help).toBe(true);
    expect(ok(["-h", "--port", "1"])).toEqual({ port: 1, host: "127.0.0.1", help: true });
  });

  it("keeps the last value of a repeated flag", () => {
    expect(ok(["--port", "1", "--port=2"]).port).toBe(2);
  });

  it("accepts the port range ends and decimal retry scales", () => {
    expect(ok(["--port", "65535"]).port).toBe(65535);
    expect(ok(["--retry-scale", ".5"]).retryScale).toBe(0.5);
    expect(ok(["--retry-scale", "3."]).retryScale).toBe(3);
    expect(ok(["--retry-scale", "0"]).retryScale).toBe(0);
  });

  it("rejects a port outside 0–65535 or not an integer", () => {
    for (const bad of ["65536", "-1", "1.5", "abc", "", "1e3", " 80", "0x50"]) {
      expect(fail(["--port", bad])).toBe(`--port must be an integer from 0 to 65535, got "${bad}"`);
    }
  });

  it("rejects negative or non-integer counts", () => {
    expect(fail(["--rate-limit", "-5"])).toBe('--rate-limit must be a non-negative integer, got "-5"');
    expect(fail(["--rate-limit=2.5"])).toBe('--rate-limit must be a non-negative integer, got "2.5"');
    expect(fail(["--search-lag-ms", "soon"])).toBe(
      '--search-lag-ms must be a non-negative integer, got "soon"',
    );
  });

  it("takes stripe or off for --rate-limits", () => {
    for (const bad of ["on", "Stripe", "25", ""]) {
      expect(fail([`--rate-limits=${bad}`])).toBe(`--rate-limits must be stripe or off, got "${bad}"`);
    }
  });

  it("rejects a negative or non-numeric retry scale", () => {
    for (const bad of ["-1", "x", "", "1e-3", "Infinity", "NaN", "."]) {
      expect(fail([`--retry-scale=${bad}`])).toBe(
        `--retry-scale must be a non-negative number, got "${bad}"`,
      );
    }
  });

  it("rejects an empty host or db", () => {
    expect(fail(["--host="])).toBe("--host must not be empty");
    expect(fail(["--host", "  "])).toBe("--host must not be empty");
    expect(fail(["--db="])).toBe("--db must name a file");
  });

  it("says when a value is missing, at the end or before another flag", () => {
    expect(fail(["--port"])).toBe("--port needs a value");
    expect(fail(["--db", "--port", "1"])).toBe("--db needs a value");
    expect(fail(["--host", "--help"])).toBe("--host needs a value");
  });

  it("rejects a value given to --help", () => {
    expect(fail(["--help=yes"])).toBe("--help does not take a value");
    expect(fail(["-h=1"])).toBe("-h does not take a value");
  });

  it("names unknown flags and suggests a close one", () => {
    expect(fail(["--prot", "1"])).toBe("unknown option --prot (did you mean --port?)");
    expect(fail(["--rate-limt=1"])).toBe("unknown option --rate-limt (did you mean --rate-limit?)");
    expect(fail(["--verbose"])).toBe("unknown option --verbose");
    expect(fail(["-p", "1"])).toBe("unknown option -p");
  });

  it("rejects positional arguments", () => {
    expect(fail(["serve"])).toBe('unexpected argument "serve"');
    expect(fail(["--port", "1", "extra"])).toBe('unexpected argument "extra"');
    expect(fail(["-"])).toBe('unexpected argument "-"');
    expect(fail(["--"])).toBe('unexpected argument "--"');
  });
});

describe("usageText", () => {
  it("lists every option the parser takes, and the defaults", () => {
    const text = usageText();
    expect(text.startsWith("Usage: nss-stripe-emulator [options]")).toBe(true);
    for (const flag of CLI_FLAGS) expect(text).toContain(flag);
    expect(text).toContain("default 12111");
    expect(text).toContain("default 127.0.0.1");
    expect(text).toContain('new Stripe("sk_test_anything"');
  });
});
