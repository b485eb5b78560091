import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { retryDelayMs } from "./schedule.js";
import { type InFlight, post } from "./send.js";
import { randomAlphanumeric, type SigningMode, signatureHeader } from "./sign.js";

export interface DeliveryEndpoint {
  id: string;
  url: string;
  secret: string;
}

export interface DeliveryAttempt {
  deliveryId: string;
  eventId: string;
  endpointId: string;
  url: string;
  /** 1-based. */
  attempt: number;
  outcome: "succeeded" | "failed";
  /** The receiver's status; null when it never answered (network error, timeout). */
  httpStatus: number | null;
  /** Why no status came back; null whenever `httpStatus` is set. */
  error: string | null;
  durationMs: number;
  /** Unix ms when the attempt started. */
  at: number;
  /** Unix ms of the next attempt; null when the delivery is finished (succeeded or schedule exhausted). */
  nextAttemptAt: number | null;
}

export interface DeliveryOptions {
  /** Multiplies the retry schedule: 1 = real time, 0.0001 compresses hours into a second or so. */
  retryScale?: number;
  /** Per-attempt deadline for the response head. Default 10 000. */
  timeoutMs?: number;
  /** Retry schedule and signature scheme (test mode adds `v0`). Default "test", as the emulator is. */
  mode?: SigningMode;
  /** Deliver every event twice, each copy signed on its own. */
  duplicates?: boolean;
  /** Hold first attempts for `shuffleWindowMs`, then release them in random order. */
  shuffle?: boolean;
  /** How long `shuffle` holds deliveries. Default 100 (real ms, not scaled). */
  shuffleWindowMs?: number;
  /** Source of randomness for `shuffle`, in [0, 1): inject a seeded one for reproducible tests. */
  random?: () => number;
  /** Called after every attempt (the store records it). */
  onAttempt?: (attempt: DeliveryAttempt) => void;
  /** Clock in unix ms. Default Date.now. */
  now?: () => number;
}

type RuntimeOptions = Pick<DeliveryOptions, "duplicates" | "shuffle" | "retryScale">;

const USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

/** One event on its way to one endpoint; a `duplicates` copy is a second Job sharing the same Clock. */
interface Job {
  deliveryId: string;
  eventId: string;
  endpoint: DeliveryEndpoint;
  payload: string;
  body: Buffer;
  clock: SignatureClock;
  attempts: number;
  timer?: NodeJS.Timeout;
  inFlight?: InFlight;
}

/**
 * The last `t` signed for an event. Each attempt signs with `max(now, last + 1)`: identical to the
 * clock at real-time scale (attempts are minutes apart), and when `retryScale` squeezes several attempts
 * into one second it still gives every attempt, and each duplicate, its own `t` and signature. The
 * drift is a few seconds ahead at most, which Stripe's 300 s tolerance (past-only) accepts.
 */
interface SignatureClock {
  last: number;
}

/** Posts signed events to webhook endpoints and retries them on Stripe's schedule. */
export class WebhookDelivery {
  readonly #options: Required<Omit<DeliveryOptions, "onAttempt">> & Pick<DeliveryOptions, "onAttempt">;
  readonly #jobs = new Map<string, Job>();
  readonly #agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };
  #held: Job[] = [];
  #holdTimer: NodeJS.Timeout | undefined;
  #idleWaiters: Array<() => void> = [];
  #closed = false;

  constructor(options: DeliveryOptions) {
    this.#options = {
      retryScale: 1,
      timeoutMs: 10_000,
      mode: "test",
      duplicates: false,
      shuffle: false,
      shuffleWindowMs: 100,
      random: Math.random,
      now: Date.now,
      ...stripUndefined(options),
    };
    retryDelayMs(this.#options.mode, 1, this.#options.retryScale); // validates retryScale early
  }

  /** Queues `payload` (the exact JSON body) for `endpoint`; returns the delivery id. */
  enqueue(endpoint: DeliveryEndpoint, eventId: string, payload: string): string {
    if (this.#closed) throw new Error("WebhookDelivery is closed");
    const clock: SignatureClock = { last: 0 };
    const copies = this.#options.duplicates ? 2 : 1;
    const jobs: Job[] = [];
    for (let i = 0; i < copies; i++) {
      const job: Job = {
        deliveryId: `whdel_${randomAlphanumeric(24)}`,
        eventId,
        endpoint: { ...endpoint },
        payload,
        body: Buffer.from(payload, "utf8"),
        clock,
        attempts: 0,
      };
      this.#jobs.set(job.deliveryId, job);
      jobs.push(job);
    }
    for (const job of jobs) {
      if (this.#options.shuffle) this.#hold(job);
      else this.#start(job);
    }
    // biome-ignore lint/style/noNonNullAssertion: copies >= 1
    return jobs[0]!.deliveryId;
  }

  /** Switched at run time (admin endpoint); a new `retryScale` applies to retries scheduled from now on. */
  setOptions(partial: Partial<RuntimeOptions>): void {
    const next = stripUndefined(partial);
    if (next.retryScale !== undefined) retryDelayMs(this.#options.mode, 1, next.retryScale);
    Object.assign(this.#options, next);
  }

  /** Deliveries not finished yet: held, waiting for a retry, or in flight. */
  pending(): number {
    return this.#jobs.size;
  }

  /** Resolves once nothing is pending or in flight. */
  idle(): Promise<void> {
    if (this.#jobs.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Cancels every timer and in-flight request; no further attempt is made or reported. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#holdTimer);
    this.#holdTimer = undefined;
    this.#held = [];
    const inFlight: Promise<unknown>[] = [];
    for (const job of this.#jobs.values()) {
      clearTimeout(job.timer);
      if (job.inFlight) {
        job.inFlight.cancel();
        inFlight.push(job.inFlight.result);
      }
    }
    this.#jobs.clear();
    await Promise.all(inFlight);
    this.#agents.http.destroy();
    this.#agents.https.destroy();
    this.#wakeIdle();
  }

  #hold(job: Job): void {
    this.#held.push(job);
    if (this.#holdTimer) return;
    this.#holdTimer = setTimeout(() => {
      this.#holdTimer = undefined;
      const batch = this.#held;
      this.#held = [];
      shuffleInPlace(batch, this.#options.random);
      for (const held of batch) this.#start(held);
    }, this.#options.shuffleWindowMs);
    this.#holdTimer.unref();
  }

  #start(job: Job): void {
    this.#attempt(job).catch((err: unknown) => {
      // Only a bug gets here (post() never rejects); drop the job rather than retry forever.
      process.emitWarning(`webhook delivery ${job.deliveryId} stopped: ${String(err)}`);
      this.#finish(job);
    });
  }

  async #attempt(job: Job): Promise<void> {
    const { now, mode, timeoutMs } = this.#options;
    job.attempts += 1;
    const at = now();
    const t = Math.max(Math.floor(at / 1000), job.clock.last + 1);
    job.clock.last = t;
    const started = performance.now();
    const inFlight = post({
      url: job.endpoint.url,
      body: job.body,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "no-cache",
        Accept: "*/*; q=0.5, application/xml",
        "User-Agent": USER_AGENT,
        "Stripe-Signature": signatureHeader(job.payload, job.endpoint.secret, t, mode),
      },
      timeoutMs,
      agents: this.#agents,
    });
    job.inFlight = inFlight;
    const { httpStatus, error } = await inFlight.result;
    job.inFlight = undefined;
    if (this.#closed) return;

    const durationMs = Math.round(performance.now() - started);
    const succeeded = httpStatus !== null && httpStatus >= 200 && httpStatus < 300;
    const delay = succeeded ? null : retryDelayMs(mode, job.attempts, this.#options.retryScale);
    const nextAttemptAt = delay === null ? null : now() + delay;
    this.#report({
      deliveryId: job.deliveryId,
      eventId: job.eventId,
      endpointId: job.endpoint.id,
      url: job.endpoint.url,
      attempt: job.attempts,
      outcome: succeeded ? "succeeded" : "failed",
      httpStatus,
      error,
      durationMs,
      at,
      nextAttemptAt,
    });
    if (this.#closed) return; // onAttempt may have closed us
    if (delay === null) {
      this.#finish(job);
      return;
    }
    job.timer = setTimeout(() => {
      job.timer = undefined;
      this.#start(job);
    }, delay);
    job.timer.unref();
  }

  #report(attempt: DeliveryAttempt): void {
    try {
      this.#options.onAttempt?.(attempt);
    } catch (err) {
      // A failing recorder must not stall deliveries; surface it without crashing the server.
      process.emitWarning(`webhook onAttempt callback threw: ${String(err)}`);
    }
  }

  #finish(job: Job): void {
    this.#jobs.delete(job.deliveryId);
    if (this.#jobs.size === 0) this.#wakeIdle();
  }

  #wakeIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

/** Fisher–Yates. */
function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
}

/** `{ ...defaults, ...options }` must not let an explicit `undefined` erase a default. */
function stripUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
