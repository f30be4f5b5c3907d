/**
 * A pass of background work repeated on a timer (the publication timer, the
 * mail worker): one pass at once, then one every `intervalMs` after the last
 * has finished, so two passes of one instance never overlap. A failing pass
 * is handed to `onError` and the next one tries again. The timer does not
 * keep the process alive; stopping it waits for a pass in progress.
 */

export interface RepeatingPass<R> {
  /** Runs one pass now (also what the timer does). */
  runOnce(): Promise<R>;
  /** Stops the timer and waits for a pass in progress to finish. */
  stop(): Promise<void>;
}

export function startRepeatingPass<R>(runOnce: () => Promise<R>, options: { intervalMs: number; onError(error: unknown): void }): RepeatingPass<R> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const tick = () => {
    running = runOnce()
      .catch(options.onError)
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(tick, options.intervalMs);
          timer.unref();
        }
      });
  };
  tick();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
