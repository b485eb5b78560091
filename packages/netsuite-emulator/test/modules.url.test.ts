import { describe, expect, it } from "vitest";
import { makeEnv } from "./helpers/module-env.js";

interface UrlModule {
  HostType: Record<string, string>;
  resolveScript(o: unknown): string;
  resolveRecord(o: unknown): string;
  resolveDomain(o: unknown): string;
  format(o: unknown): string;
  resolveTaskLink(o: unknown): string;
}

describe("N/url", () => {
  const t = makeEnv();
  const url = t.module<UrlModule>("N/url");

  it("resolveScript: internal relative URL with params", () => {
    expect(url.resolveScript({ scriptId: "customscript_sl", deploymentId: "customdeploy_sl" })).toBe(
      "/app/site/hosting/scriptlet.nl?script=customscript_sl&deploy=customdeploy_sl",
    );
    expect(
      url.resolveScript({
        scriptId: "customscript_sl",
        deploymentId: "customdeploy_sl",
        params: { a: "x y", b: 2 },
      }),
    ).toBe("/app/site/hosting/scriptlet.nl?script=customscript_sl&deploy=customdeploy_sl&a=x%20y&b=2");
  });

  it("resolveScript: external URL on the forms domain with compid and the host's ns-at token", () => {
    expect(
      url.resolveScript({
        scriptId: "customscript_sl",
        deploymentId: "customdeploy_sl",
        returnExternalUrl: true,
        params: { c: 1 },
      }),
    ).toBe(
      "https://1234567-sb1.extforms.netsuite.com/app/site/hosting/scriptlet.nl?script=customscript_sl&deploy=customdeploy_sl&compid=1234567_SB1&ns-at=AAEJ7tMQ-token&c=1",
    );
    expect(t.hostCalls("url.externalToken")[0]?.args).toEqual(["customscript_sl", "customdeploy_sl"]);
    expect(() => url.resolveScript({ scriptId: "x" })).toThrow(
      expect.objectContaining({ name: "SSS_MISSING_REQD_ARGUMENT" }),
    );
  });

  it("resolveRecord, resolveDomain, format", () => {
    expect(url.resolveRecord({ recordType: "customer", recordId: 107 })).toBe(
      "/app/common/entity/custjob.nl?id=107",
    );
    expect(url.resolveRecord({ recordType: "customer", recordId: 107, isEditMode: true })).toBe(
      "/app/common/entity/custjob.nl?id=107&e=T",
    );
    expect(url.resolveDomain({ hostType: url.HostType.APPLICATION })).toBe("1234567-sb1.app.netsuite.com");
    expect(url.resolveDomain({ hostType: url.HostType.RESTLET })).toBe(
      "1234567-sb1.restlets.api.netsuite.com",
    );
    expect(url.format({ domain: "https://x.example.com/p", params: { q: "a&b", n: 1 } })).toBe(
      "https://x.example.com/p?q=a%26b&n=1",
    );
    expect(() => url.resolveRecord({ recordType: "customrecord_x", recordId: 1 })).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/url.resolveRecord(customrecord_x)",
    );
    expect(() => url.resolveTaskLink({ id: "CARD_-29" })).toThrow(
      "UNSUPPORTED_BY_EMULATOR: N/url.resolveTaskLink",
    );
  });
});
