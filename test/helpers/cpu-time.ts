/**
 * The least processor time of a few runs of some work, in microseconds, for
 * tests that compare how time grows with the input. Processor time rather than
 * the clock, and the least of several runs, so that other work on the machine
 * hardly moves it.
 */

/** The least processor time of `runs` calls of `work`. */
export function cpuTime(work: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user + used.system);
  }
  return best;
}

/** As cpuTime, for work that must be awaited (a request to the app). */
export async function cpuTimeAsync(work: () => Promise<unknown>, runs = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user + used.system);
  }
  return best;
}
