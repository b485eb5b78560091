/** Shared by the refusal tests: one assertion for a Stripe error's status, type, code, param and message. */
import type Stripe from "stripe";
import { expect } from "vitest";
import { type EmulatorHandle, freshKey, rejection, stripeClient } from "./helpers.js";

export interface Expected {
  status?: number;
  /** Absent from the body when undefined. */
  code?: string;
  /** Absent from the body when undefined. */
  param?: string;
  message: string | RegExp;
}

/** Runs `call`, expects Stripe's error with exactly these fields (code and param absent when not given). */
export async function expectRefusal(call: Promise<unknown>, expected: Expected): Promise<void> {
  const error = await rejection<Stripe.errors.StripeError>(call);
  const raw = error.raw as Record<string, unknown>;
  expect(error.statusCode).toBe(expected.status ?? 400);
  expect(raw.type).toBe("invalid_request_error");
  if (typeof expected.message === "string") expect(raw.message).toBe(expected.message);
  else expect(raw.message).toMatch(expected.message);
  expect(raw.code).toBe(expected.code);
  expect(raw.param).toBe(expected.param);
  if (expected.code !== undefined) {
    expect(raw.doc_url).toBe(`https://stripe.com/docs/error-codes/${expected.code.replaceAll("_", "-")}`);
  }
}

/** The fields of an SDK error that carry Stripe's answer, for `toEqual` against what Stripe sends. */
export function answer(error: Stripe.errors.StripeError) {
  return {
    status: error.statusCode,
    type: error.rawType,
    code: error.code,
    param: error.param,
    message: error.message,
  };
}

/** The SDK on a fresh account, without retries. */
export function clientFor(handle: EmulatorHandle, key = freshKey("refusals")): Stripe {
  return stripeClient(handle.emulator, key, { maxNetworkRetries: 0 });
}
