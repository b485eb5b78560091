/**
 * Opened seals, remembered per app: Stripe sends every event of an endpoint with the same pp_url, so
 * the AES-GCM open and JSON parse need not run for each one. Only seals that opened are kept (junk
 * cannot push them out), and the cache is emptied whenever the key set it was filled with changes,
 * so a retired key stops opening its URLs at once (rotation, see test/rotation.test.ts).
 */
import { type Opened, openSeal, type SealKey } from "./seal.js";

/** Enough for every endpoint of a large install; a seal is under 1 KB. */
const DEFAULT_CAPACITY = 1000;

interface Entry {
  opened: Opened & { ok: true };
  /** When it was last used (a counter): the least recently used entry goes first when full. */
  used: number;
}

export class SealCache {
  readonly #capacity: number;
  /**
   * A hit costs one lookup (the sealed string, new on every request, is hashed once); the scan for
   * the least recently used entry runs only when a new seal arrives at capacity, which takes seals
   * made with this proxy's key.
   */
  readonly #entries = new Map<string, Entry>();
  #clock = 0;
  /** The keys the entries were opened with (each kid and key Buffer as given). */
  #keys: SealKey[] = [];

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity;
  }

  /** `openSeal(sealed, keys)`, from the cache when the same seal opened with the same keys before. */
  open(sealed: string, keys: readonly SealKey[]): Opened {
    if (!this.#sameKeys(keys)) {
      this.#entries.clear();
      this.#keys = keys.map((k) => ({ kid: k.kid, key: k.key }));
    }
    const hit = this.#entries.get(sealed);
    if (hit !== undefined) {
      hit.used = ++this.#clock;
      return hit.opened;
    }
    const opened = openSeal(sealed, keys);
    if (opened.ok) {
      if (this.#entries.size >= this.#capacity) this.#evictLeastRecent();
      this.#entries.set(sealed, { opened, used: ++this.#clock });
    }
    return opened;
  }

  get size(): number {
    return this.#entries.size;
  }

  #evictLeastRecent(): void {
    let oldest: string | undefined;
    let oldestUse = Number.POSITIVE_INFINITY;
    for (const [sealed, entry] of this.#entries) {
      if (entry.used < oldestUse) {
        oldest = sealed;
        oldestUse = entry.used;
      }
    }
    if (oldest !== undefined) this.#entries.delete(oldest);
  }

  /**
   * Same kids in the same order with the same key bytes, whether the array and Buffers are the ones
   * held (checked first, on every request) or a rebuilt set. A key set is replaced, never edited
   * byte by byte inside a Buffer.
   */
  #sameKeys(keys: readonly SealKey[]): boolean {
    if (keys.length !== this.#keys.length) return false;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as SealKey;
      const held = this.#keys[i] as SealKey;
      if (k.kid !== held.kid || (k.key !== held.key && !k.key.equals(held.key))) return false;
    }
    return true;
  }
}
