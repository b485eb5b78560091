/**
 * A button's `data-function`: `name` or `name(arg, …)` with JSON or single-quoted string literals,
 * as serverWidget's addButton functionName is written. No expressions are evaluated.
 */
import { NsError } from "./errors.js";

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let quote: string | null = null;
  let nesting = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      current += ch;
      if (ch === "\\") current += text[++i] ?? "";
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === "[" || ch === "{") {
      nesting++;
      current += ch;
    } else if (ch === "]" || ch === "}") {
      nesting--;
      current += ch;
    } else if (ch === "," && nesting === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "" || out.length > 0) out.push(current.trim());
  return out;
}

function literal(text: string, source: string): unknown {
  if (text.startsWith("'") && text.endsWith("'") && text.length >= 2) {
    const inner = text.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"');
    return JSON.parse(`"${inner}"`);
  }
  if (text === "undefined") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new NsError(
      "SSS_INVALID_BUTTON_FUNCTION",
      `Cannot read argument ${text} of ${source}: only literals are supported`,
    );
  }
}

export function parseCall(source: string): { name: string; args: unknown[] } {
  const m = /^\s*([A-Za-z_$][\w$]*)\s*(?:\(([\s\S]*)\))?\s*;?\s*$/.exec(source);
  if (!m) throw new NsError("SSS_INVALID_BUTTON_FUNCTION", `Cannot read the button function ${source}`);
  return {
    name: m[1] as string,
    args: m[2] === undefined ? [] : splitArgs(m[2]).map((a) => literal(a, source)),
  };
}
