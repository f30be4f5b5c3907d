#!/usr/bin/env node
// npm test: the whole suite under two time zones, so that nothing can depend
// on the server's TZ (the office is in Asia/Ho_Chi_Minh; servers often run in
// UTC; Los Angeles is far from both and has daylight saving time).
import { spawnSync } from 'node:child_process';

const zones = ['UTC', 'America/Los_Angeles'];
let failed = false;
for (const tz of zones) {
  console.log(`\n=== Test suite with TZ=${tz} ===`);
  const run = spawnSync(process.execPath, ['scripts/run-tests.mjs', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
