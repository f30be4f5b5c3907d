// What the browser journeys need besides npm packages: Debian's Chromium
// (CHROMIUM_PATH overrides where it is) and Java for the Nu Html Checker.
// Shared by scripts/test.mjs and scripts/test-e2e.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Why the browser cannot run, or null when it can. */
export function chromiumProblem() {
  return existsSync(chromiumPath) ? null : `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;
}

/** Why the HTML checker cannot run, or null when it can. */
export function javaProblem() {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return result.status === 0 ? null : 'no java on PATH for the Nu Html Checker (apt-get install default-jre-headless)';
}
