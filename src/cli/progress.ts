/**
 * A progress bar on stderr for long work, drawn only on a terminal and only when the work
 * is long enough to need one. Never writes to stdout, so piped output stays clean.
 */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const silent: Progress = { update() {}, done() {} };

export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, label: string, minTotal = 50): Progress {
  if (!stream.isTTY || process.env.CI) return silent;
  let drawn = false;
  let last = -1;
  return {
    update(done, total) {
      if (total < minTotal) return;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 20));
      const filled = Math.round((done / total) * width);
      if (filled === last && done !== total) return;
      last = filled;
      drawn = true;
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
