/**
 * Which URLs the proxy may forward to. Without this check a sealed URL would make the proxy an open
 * relay, so scheme, host and port are compared exactly, credentials are refused, and a wildcard
 * stands for exactly one DNS label (`https://*.extforms.netsuite.com` matches
 * `https://1234567.extforms.netsuite.com`, not `https://a.b.extforms.netsuite.com` or an IP address).
 */

/** NetSuite's external Suitelets live under `<account>.extforms.netsuite.com`, over HTTPS. */
export const DEFAULT_ALLOWED_TARGETS = "https://*.extforms.netsuite.com";

export interface TargetRule {
  protocol: "http:" | "https:";
  /** Lower-case host; for a wildcard rule, the suffix after `*.` (e.g. `extforms.netsuite.com`). */
  host: string;
  wildcard: boolean;
  /** `""` for the scheme's default port, as `URL.port` reports it. */
  port: string;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Parses the comma list of `PROXY_ALLOWED_TARGETS`. */
export function parseTargetRules(
  text: string,
): { ok: true; value: TargetRule[] } | { ok: false; message: string } {
  const rules: TargetRule[] = [];
  for (const entry of text.split(",").map((e) => e.trim())) {
    if (entry === "") continue;
    const wildcard = /^https?:\/\/\*\./.test(entry);
    const parsed = URL.canParse(entry.replace("://*.", "://wildcard."))
      ? new URL(entry.replace("://*.", "://wildcard."))
      : undefined;
    if (
      parsed === undefined ||
      (parsed.protocol !== "http:" && parsed.protocol !== "https:") ||
      parsed.username !== "" ||
      parsed.password !== "" ||
      parsed.pathname !== "/" ||
      parsed.search !== "" ||
      parsed.hash !== "" ||
      !/^[a-z]+:\/\/[^/?#]+\/?$/i.test(entry)
    ) {
      return {
        ok: false,
        message: `"${entry.slice(0, 80)}" is not an origin like https://host[:port] or https://*.domain.`,
      };
    }
    const host = wildcard ? parsed.hostname.slice("wildcard.".length) : parsed.hostname;
    if (wildcard && host.split(".").length < 2) {
      return {
        ok: false,
        message: `"${entry.slice(0, 80)}" is too broad: a wildcard needs a domain of two labels or more.`,
      };
    }
    rules.push({ protocol: parsed.protocol, host, wildcard, port: parsed.port });
  }
  if (rules.length === 0) return { ok: false, message: "no target is listed." };
  return { ok: true, value: rules };
}

/** True when `url` is an absolute http(s) URL without credentials whose origin a rule allows. */
export function isAllowedTarget(url: string, rules: readonly TargetRule[]): boolean {
  if (!URL.canParse(url)) return false;
  const target = new URL(url);
  if (target.username !== "" || target.password !== "") return false;
  return rules.some((rule) => {
    if (target.protocol !== rule.protocol || target.port !== rule.port) return false;
    if (!rule.wildcard) return target.hostname === rule.host;
    const suffix = `.${rule.host}`;
    if (!target.hostname.endsWith(suffix)) return false;
    return LABEL.test(target.hostname.slice(0, -suffix.length));
  });
}

/** The rules written back as text, for the start-up log and /seal's refusal. */
export function describeTargetRules(rules: readonly TargetRule[]): string {
  return rules
    .map((r) => `${r.protocol}//${r.wildcard ? "*." : ""}${r.host}${r.port === "" ? "" : `:${r.port}`}`)
    .join(", ");
}
