import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr for long work (demo generation, replay, verification). On a
 * terminal it redraws in place; otherwise (CI, pipes) it prints a line every tenth.
 */
export const progress = (title: string, total: number | undefined, enabled = true): Progress => {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  if (total === undefined || total <= 0) {
    // Unknown total: a running count every 10,000 items.
    let last = 0;
    return {
      update: (done) => {
        if (done - last >= 10_000) {
          last = done;
          process.stderr.write(`${title}: ${done}\n`);
        }
      },
      stop: () => undefined,
    };
  }
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${title} [{bar}] {percentage}% | {value}/{total} {label}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { label: '' });
    return { update: (done, label = '') => bar.update(done, { label }), stop: () => bar.stop() };
  }
  let lastTenth = -1;
  return {
    update: (done) => {
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${title}: ${done}/${total}\n`);
      }
    },
    stop: () => undefined,
  };
};
