/**
 * The contract between the webhook proxy and the SuiteApp's webhook Suitelet.
 *
 * The proxy POSTs version 2 (`ForwardRequestV2`, JSON) to the Suitelet: only what NetSuite cannot
 * derive, the Stripe account record the endpoint belongs to, the raw Stripe body and its
 * `Stripe-Signature` header. NetSuite verifies the signature, then builds the envelope from the body
 * once (`envelopeOfPayload`). Version 1 (`ForwardRequest`: the envelope too, which NetSuite rebuilt and
 * compared) is still read for one release, so a proxy not yet upgraded keeps working. The Suitelet answers
 * HTTP 200 with a `NetSuiteAnswer`, and `stripeStatusFor` turns that answer, or the failure to get one,
 * into the status Stripe acts on: 2xx is done, 5xx is retried later, 4xx is a refusal Stripe also
 * retries but the dashboard shows as the endpoint's fault.
 */
import {
  buildEnvelope,
  type Envelope,
  MAX_ENVELOPE_CHARS,
  parseEnvelope,
  serializeEnvelope,
} from "./envelope.js";
import { clip, hasOwn, isRecord, notFromProxy } from "./hostile-input.js";
import { fail, ok, type Result, type SyncIssue } from "./result.js";

/** What the proxy sent to NetSuite before version 2 (read for one more release). */
export interface ForwardRequest {
  v: 1;
  envelope: Envelope;
  /** The Stripe request body exactly as received (UTF-8 text): the signature covers these characters. */
  payload: string;
  /** The `Stripe-Signature` header exactly as received. */
  signature: string;
}

/** What NetSuite decided about a forwarded event. */
export const NETSUITE_RESULTS = ["applied", "ignored", "retry", "refused"] as const;

export type NetSuiteResult = (typeof NETSUITE_RESULTS)[number];

/** The Suitelet's answer, sent with HTTP 200: `{ "result": "applied", "message": "…" }`. */
export interface NetSuiteAnswer {
  result: NetSuiteResult;
  /** For people reading logs; `""` when NetSuite sent none. */
  message: string;
}

/** Why the proxy got no usable answer: every one of these is worth a retry by Stripe. */
export type ForwardFailureKind = "http_status" | "unparseable" | "network" | "timeout";

export interface ForwardFailure {
  failure: ForwardFailureKind;
}

/** The statuses the proxy answers Stripe with. */
export type StripeStatus = 200 | 400 | 503;

/** Largest raw Stripe body carried: the proxy's body limit may not exceed it (Stripe events are far smaller). */
export const MAX_FORWARD_PAYLOAD_CHARS = 262_144;

/** Longest Stripe-Signature header carried (the same bound the signature check uses). */
export const MAX_FORWARD_SIGNATURE_CHARS = 8192;

/**
 * Longest ForwardRequest text `parseForwardRequest` reads, checked before parsing: the payload once
 * JSON-escaped (at most 6 characters each, for control characters) plus the envelope and signature.
 */
export const MAX_FORWARD_REQUEST_CHARS =
  6 * MAX_FORWARD_PAYLOAD_CHARS + 2 * MAX_ENVELOPE_CHARS + 2 * MAX_FORWARD_SIGNATURE_CHARS;

/** Longest NetSuite answer read; a longer one is not the Suitelet's (a login page, an error page). */
export const MAX_NETSUITE_ANSWER_CHARS = 65_536;

/** A NetSuite message longer than this is shortened, so a chatty Suitelet cannot flood the logs. */
const MAX_MESSAGE_CHARS = 1000;

const FORWARD_FIELDS = ["v", "envelope", "payload", "signature"] as const;

/** Unknown fields named in a refusal; the rest are counted. */
const MAX_UNKNOWN_NAMED = 5;

/** Checks the parts and assembles the request; whatever this accepts, `parseForwardRequest` accepts. */
export function buildForwardRequest(input: {
  envelope: Envelope;
  payload: string;
  signature: string;
}): Result<ForwardRequest> {
  const problems = partProblems(input.payload, input.signature);
  if (problems.length > 0) {
    return fail(notFromProxy("FORWARD_INVALID", `The forward request is malformed: ${problems.join("; ")}.`));
  }
  // The envelope goes through its own strict parser, so NetSuite will read it back identically.
  const envelope = parseEnvelope(serializeEnvelope(input.envelope));
  if (!envelope.ok) return envelope;
  return ok({ v: 1, envelope: envelope.value, payload: input.payload, signature: input.signature });
}

/** The request as JSON, keys in a fixed order. */
export function serializeForwardRequest(request: ForwardRequest): string {
  return `{"v":1,"envelope":${serializeEnvelope(request.envelope)},"payload":${JSON.stringify(
    request.payload,
  )},"signature":${JSON.stringify(request.signature)}}`;
}

/**
 * Reads a ForwardRequest from untrusted text (the Suitelet is reachable by anyone holding its URL):
 * exactly the four fields, a valid envelope, and an envelope that is what the payload says. The caller
 * must still verify `signature` over `payload` with the endpoint's secret (`verifyStripeSignature`) and
 * check that `envelope.accountId` is the Stripe account record whose secret it used.
 */
export function parseForwardRequest(text: string): Result<ForwardRequest> {
  const read = readRequestObject(text);
  return read.ok ? forwardRequestV1Of(read.value) : read;
}

/** Version 1 from the request's parsed object. */
function forwardRequestV1Of(value: Record<string, unknown>): Result<ForwardRequest> {
  if (hasOwn(value, "v") && value.v !== 1) {
    return fail(
      notFromProxy(
        "FORWARD_WRONG_VERSION",
        `The forward request has version ${clip(JSON.stringify(value.v) ?? "?")}; this SuiteApp reads version 1.`,
      ),
    );
  }
  const problems = unknownFieldProblems(value, FORWARD_FIELDS);
  for (const key of FORWARD_FIELDS) {
    if (!hasOwn(value, key)) problems.push(`${key} is missing`);
  }
  if (typeof value.payload !== "string") problems.push("payload must be a string");
  if (typeof value.signature !== "string") problems.push("signature must be a string");
  if (problems.length === 0)
    problems.push(...partProblems(value.payload as string, value.signature as string));
  if (problems.length > 0) {
    return fail(notFromProxy("FORWARD_INVALID", `The forward request is malformed: ${problems.join("; ")}.`));
  }
  let envelopeText: string;
  try {
    envelopeText = JSON.stringify(value.envelope);
  } catch {
    // JSON.stringify recurses: an envelope nested thousands deep overflows the stack. Hostile input
    // is refused, not answered "retry" by the Suitelet's catch-all.
    return fail(
      notFromProxy("FORWARD_INVALID", "The forward request is malformed: envelope is nested too deeply."),
    );
  }
  const envelope = parseEnvelope(envelopeText);
  if (!envelope.ok) return envelope;
  const payload = value.payload as string;
  if (!envelopeMatchesPayload(envelope.value, payload)) {
    return fail(
      notFromProxy(
        "FORWARD_ENVELOPE_MISMATCH",
        "The envelope does not describe the event in the payload; the request was altered on its way.",
      ),
    );
  }
  return ok({ v: 1, envelope: envelope.value, payload, signature: value.signature as string });
}

/** What the proxy sends to NetSuite: only what NetSuite cannot derive from the signed body. */
export interface ForwardRequestV2 {
  v: 2;
  /** The Stripe account record the endpoint belongs to (its signing secret is NetSuite's to look up). */
  account: string;
  /** The Stripe request body exactly as received (UTF-8 text): the signature covers these characters. */
  payload: string;
  /** The `Stripe-Signature` header exactly as received. */
  signature: string;
}

const FORWARD_V2_FIELDS = ["v", "account", "payload", "signature"] as const;

/** Longest account record ID carried (an internal ID; the bound keeps hostile text short). */
const MAX_ACCOUNT_CHARS = 255;

/** Checks the parts and assembles version 2; whatever this accepts, `readForwardedEvent` accepts. */
export function buildForwardRequestV2(input: {
  account: string;
  payload: string;
  signature: string;
}): Result<ForwardRequestV2> {
  const problems = [...accountProblems(input.account), ...partProblems(input.payload, input.signature)];
  if (problems.length > 0) {
    return fail(notFromProxy("FORWARD_INVALID", `The forward request is malformed: ${problems.join("; ")}.`));
  }
  return ok({ v: 2, account: input.account, payload: input.payload, signature: input.signature });
}

/** Version 2 as JSON, keys in a fixed order. */
export function serializeForwardRequestV2(request: ForwardRequestV2): string {
  return `{"v":2,"account":${JSON.stringify(request.account)},"payload":${JSON.stringify(
    request.payload,
  )},"signature":${JSON.stringify(request.signature)}}`;
}

/** A forwarded event as NetSuite reads it, whatever the version; version 1 brings its checked envelope. */
export interface ForwardedEvent {
  v: 1 | 2;
  account: string;
  payload: string;
  signature: string;
  envelope?: Envelope;
}

/**
 * Reads a forwarded event from untrusted text: version 2 (exactly its four fields), or version 1 as
 * `parseForwardRequest` reads it. The caller must verify `signature` over `payload` with the signing
 * secret of the account record `account` names, and only then read the payload (`envelopeOfPayload`).
 */
export function readForwardedEvent(text: string): Result<ForwardedEvent> {
  const read = readRequestObject(text);
  if (!read.ok) return read;
  const value = read.value;
  if (value.v !== 2) {
    const v1 = forwardRequestV1Of(value);
    if (!v1.ok) return v1;
    const { envelope, payload, signature } = v1.value;
    return ok({ v: 1, account: envelope.accountId, payload, signature, envelope });
  }
  const problems = unknownFieldProblems(value, FORWARD_V2_FIELDS);
  const { account, payload, signature } = value;
  if (typeof account !== "string") problems.push("account must be a string");
  if (typeof payload !== "string") problems.push("payload must be a string");
  if (typeof signature !== "string") problems.push("signature must be a string");
  if (problems.length === 0) {
    problems.push(
      ...accountProblems(account as string),
      ...partProblems(payload as string, signature as string),
    );
  }
  if (problems.length > 0) {
    return fail(notFromProxy("FORWARD_INVALID", `The forward request is malformed: ${problems.join("; ")}.`));
  }
  return ok({ v: 2, account: account as string, payload: payload as string, signature: signature as string });
}

/** The envelope of a payload whose signature was verified: the one JSON parse NetSuite makes of it. */
export function envelopeOfPayload(payload: string, account: string): Result<Envelope> {
  let event: unknown;
  try {
    event = JSON.parse(payload);
  } catch {
    return fail(notFromProxy("FORWARD_INVALID", "The forwarded payload is not JSON."));
  }
  return buildEnvelope(event, { accountId: account });
}

/** The request's JSON object, read from untrusted text within its size limit. */
function readRequestObject(text: string): Result<Record<string, unknown>> {
  if (text.length > MAX_FORWARD_REQUEST_CHARS) {
    return fail(
      notFromProxy(
        "FORWARD_TOO_LARGE",
        `The forward request has ${text.length} characters, over ${MAX_FORWARD_REQUEST_CHARS}.`,
      ),
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(notFromProxy("FORWARD_NOT_JSON", "The forward request is not JSON."));
  }
  if (!isRecord(value) || Array.isArray(value)) {
    return fail(notFromProxy("FORWARD_INVALID", "The forward request must be a JSON object."));
  }
  return ok(value);
}

/** Fields beyond `fields`: a few named, the rest counted (a flood of fields must not come back as a flood of text). */
function unknownFieldProblems(value: Record<string, unknown>, fields: readonly string[]): string[] {
  const unknown = Object.keys(value).filter((key) => !fields.includes(key));
  const problems = unknown
    .slice(0, MAX_UNKNOWN_NAMED)
    .map((key) => `unknown field ${clip(JSON.stringify(key))}`);
  if (unknown.length > MAX_UNKNOWN_NAMED) {
    problems.push(`${unknown.length - MAX_UNKNOWN_NAMED} more unknown fields`);
  }
  return problems;
}

function accountProblems(account: string): string[] {
  return account.length === 0 || account.length > MAX_ACCOUNT_CHARS
    ? [`account must have 1 to ${MAX_ACCOUNT_CHARS} characters`]
    : [];
}

/** Reads NetSuite's answer. Unknown extra fields are allowed, so the Suitelet can add some later. */
export function parseNetSuiteAnswer(text: string): Result<NetSuiteAnswer> {
  if (text.length > MAX_NETSUITE_ANSWER_CHARS) {
    return fail(
      answerIssue(
        "NETSUITE_ANSWER_TOO_LARGE",
        `NetSuite's answer has ${text.length} characters, over ${MAX_NETSUITE_ANSWER_CHARS}.`,
      ),
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(answerIssue("NETSUITE_ANSWER_NOT_JSON", "NetSuite's answer is not JSON."));
  }
  if (!isRecord(value) || Array.isArray(value)) {
    return fail(answerIssue("NETSUITE_ANSWER_INVALID", "NetSuite's answer is not a JSON object."));
  }
  const result = value.result;
  const known = NETSUITE_RESULTS.find((r) => r === result);
  if (known === undefined) {
    return fail(
      answerIssue(
        "NETSUITE_ANSWER_INVALID",
        `NetSuite's answer has result ${clip(JSON.stringify(result) ?? "undefined")}, not one of ${NETSUITE_RESULTS.join(", ")}.`,
      ),
    );
  }
  const message = value.message;
  if (message !== undefined && message !== null && typeof message !== "string") {
    return fail(answerIssue("NETSUITE_ANSWER_INVALID", "NetSuite's answer has a message that is not text."));
  }
  const note = typeof message === "string" ? message : "";
  return ok({
    result: known,
    message: note.length > MAX_MESSAGE_CHARS ? `${note.slice(0, MAX_MESSAGE_CHARS)}…` : note,
  });
}

/**
 * The status to answer Stripe with: applied/ignored → 200 (done); retry → 503 (Stripe retries);
 * refused → 400; no usable answer at all (non-2xx, not the contract, network error, timeout) → 503,
 * since Stripe's retries are the only queue and the event must not be lost.
 */
export function stripeStatusFor(outcome: NetSuiteAnswer | ForwardFailure): StripeStatus {
  if ("failure" in outcome) return 503;
  switch (outcome.result) {
    case "applied":
    case "ignored":
      return 200;
    case "refused":
      return 400;
    case "retry":
      return 503;
  }
}

function partProblems(payload: string, signature: string): string[] {
  const problems: string[] = [];
  if (payload.length === 0 || payload.length > MAX_FORWARD_PAYLOAD_CHARS) {
    problems.push(`payload must have 1 to ${MAX_FORWARD_PAYLOAD_CHARS} characters`);
  }
  if (signature.length === 0 || signature.length > MAX_FORWARD_SIGNATURE_CHARS) {
    problems.push(`signature must have 1 to ${MAX_FORWARD_SIGNATURE_CHARS} characters`);
  }
  return problems;
}

/** The envelope must be exactly what `buildEnvelope` makes of the payload for the same account. */
function envelopeMatchesPayload(envelope: Envelope, payload: string): boolean {
  let event: unknown;
  try {
    event = JSON.parse(payload);
  } catch {
    return false;
  }
  const rebuilt = buildEnvelope(event, { accountId: envelope.accountId });
  return rebuilt.ok && serializeEnvelope(rebuilt.value) === serializeEnvelope(envelope);
}

function answerIssue(code: string, message: string): SyncIssue {
  return {
    code,
    message,
    fix: "Check that the proxy's sealed URL points at the SuiteApp's webhook Suitelet and that its deployment is released to external users; Stripe retries meanwhile.",
  };
}
