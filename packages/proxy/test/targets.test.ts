/** The allow-list: no open relay, so scheme, host and port match exactly and credentials are refused. */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ALLOWED_TARGETS,
  describeTargetRules,
  isAllowedTarget,
  parseTargetRules,
} from "../src/index.js";

const rules = (text: string) => {
  const parsed = parseTargetRules(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe("isAllowedTarget", () => {
  const netsuite = rules(DEFAULT_ALLOWED_TARGETS);
  const sandbox = rules("http://127.0.0.1:8081");

  it.each([
    "https://1234567.extforms.netsuite.com/app/site/hosting/scriptlet.nl?script=1&deploy=1&ns-at=x",
    "https://tstdrv1234567-sb1.extforms.netsuite.com/x",
    "https://1234567.EXTFORMS.netsuite.com/x",
    "https://1234567.extforms.netsuite.com:443/x",
  ])("allows %s by default", (url) => {
    expect(isAllowedTarget(url, netsuite)).toBe(true);
  });

  it.each([
    "http://1234567.extforms.netsuite.com/x",
    "https://extforms.netsuite.com/x",
    "https://a.b.extforms.netsuite.com/x",
    "https://1234567.extforms.netsuite.com.evil.com/x",
    "https://evil.com/1234567.extforms.netsuite.com",
    "https://evil.com#.extforms.netsuite.com",
    "https://x@1234567.extforms.netsuite.com/x",
    "https://1234567.extforms.netsuite.com:8443/x",
    "https://1234567.extforms.netsuite.com./x",
    "https://-bad.extforms.netsuite.com/x",
    "https://127.0.0.1/x",
    "file:///etc/passwd",
    "not a url",
  ])("refuses %s by default", (url) => {
    expect(isAllowedTarget(url, netsuite)).toBe(false);
  });

  it("matches an origin rule on scheme, host and port exactly", () => {
    expect(isAllowedTarget("http://127.0.0.1:8081/app/site/hosting/scriptlet.nl", sandbox)).toBe(true);
    expect(isAllowedTarget("http://127.0.0.1:8082/x", sandbox)).toBe(false);
    expect(isAllowedTarget("http://127.0.0.1/x", sandbox)).toBe(false);
    expect(isAllowedTarget("https://127.0.0.1:8081/x", sandbox)).toBe(false);
    expect(isAllowedTarget("http://localhost:8081/x", sandbox)).toBe(false);
    expect(isAllowedTarget("http://u:p@127.0.0.1:8081/x", sandbox)).toBe(false);
  });

  it("writes the rules back for messages", () => {
    expect(describeTargetRules(rules("https://*.extforms.netsuite.com, http://127.0.0.1:8081/"))).toBe(
      "https://*.extforms.netsuite.com, http://127.0.0.1:8081",
    );
  });
});
