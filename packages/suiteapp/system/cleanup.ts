/** Folders to remove and things to close when a system, a suite or a run ends: last opened, first closed. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export class Cleanup {
  private readonly steps: (() => unknown)[] = [];

  /** A new temp folder, removed by `run()`. */
  dir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.steps.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  add(step: () => unknown): void {
    this.steps.push(step);
  }

  /** `thing`, closed by `run()`. */
  own<T extends { close(): unknown }>(thing: T): T {
    this.steps.push(() => thing.close());
    return thing;
  }

  /** Runs every step, newest first; a step that fails (closing what is already closed) does not stop the rest. */
  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch {
        // Closing what a test already closed (or killed) is not a failure.
      }
    }
  }
}
