/** The per-request log line: flat fields written as given, a secret-named field still censored. */
import { expect, it } from "vitest";
import { createLogger, createRequestLogger } from "../src/log.js";

it("writes the line's fields and censors any field named like a secret or a target", () => {
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => lines.push(line) } });
  const log = createRequestLogger(logger);
  log.write("info", { method: "POST", path: "/customer-webhook", status: 200, eventId: "evt_1" });
  log.write("debug", {
    path: "/healthz",
    url: "https://1.extforms.netsuite.com/?ns-at=tok",
    pp_url: "v1.k1.x",
  });
  const [first, second] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(first).toMatchObject({
    level: "info",
    service: "nss-proxy",
    msg: "request",
    status: 200,
    eventId: "evt_1",
  });
  expect(second).toMatchObject({ level: "debug", url: "[redacted]", pp_url: "[redacted]" });
  expect(lines.join("")).not.toContain("tok");
});

it("leaves the general logger's nested redaction in place", () => {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => lines.push(line) } });
  createRequestLogger(logger);
  logger.info({ err: { url: "https://1.extforms.netsuite.com/?ns-at=tok" } }, "failed");
  expect(lines[0]).not.toContain("tok");
});
