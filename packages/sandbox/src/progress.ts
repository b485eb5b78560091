/**
 * The mass sync's progress in the terminal. On a TTY one line redrawn in place
 * (`[#####-----] 120/300 customers · 4.1 s`); in a log (CI, a pipe) a line every 10%, so the log
 * stays short and still shows that the run moves.
 */
export interface ProgressOut {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Ends the bar's line. */
  finish(): void;
}

const WIDTH = 20;

export function bar(done: number, total: number, seconds: number, unit: string): string {
  const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total} ${unit} · ${seconds.toFixed(1)} s`;
}

export function createProgress(out: ProgressOut, unit: string, now = () => performance.now()): Progress {
  const started = now();
  let lastTenth = -1;
  let lastDraw = 0;
  let drawn = false;
  const seconds = () => (now() - started) / 1000;
  return {
    update(done, total) {
      if (out.isTTY) {
        // Redraw at most every 50 ms, and always the last step.
        const t = now();
        if (done < total && t - lastDraw < 50) return;
        lastDraw = t;
        drawn = true;
        out.write(`\r${bar(done, total, seconds(), unit)}\x1b[K`);
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      out.write(`${bar(done, total, seconds(), unit)}\n`);
    },
    finish() {
      if (out.isTTY && drawn) out.write("\n");
    },
  };
}
