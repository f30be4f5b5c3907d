/**
 * The boundaries in .dependency-cruiser.cjs catch what they are meant to:
 * a small tree under test/fixtures/boundaries/ breaks each rule once, and
 * each break is reported by its rule, naming the files or modules at fault.
 * The project's own src/ keeps every one of them.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'node:test';

const cli = fileURLToPath(new URL('../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url));
const config = fileURLToPath(new URL('../.dependency-cruiser.cjs', import.meta.url));

interface Violation {
  type: string;
  from: string;
  to: string;
  rule: { name: string };
}

/** Cruises `src` under `cwd` with the project's rules; the violations found. */
async function cruise(cwd: string): Promise<Violation[]> {
  // depcruise exits non-zero when it finds errors; its report is still on stdout.
  const { stdout } = await promisify(execFile)(process.execPath, [cli, '--config', config, '--output-type', 'json', 'src'], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const result = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations;
}

const byRule = (violations: Violation[], name: string) =>
  violations
    .filter((v) => v.rule.name === name)
    .map((v) => `${v.from} -> ${v.to}`)
    .sort();

test('a deliberately broken tree: each rule reports its break', async () => {
  const violations = await cruise(fileURLToPath(new URL('./fixtures/boundaries/', import.meta.url)));

  // alpha -> beta through beta's index, beta -> alpha through alpha's index: no
  // file imports itself back, yet the modules are in a loop.
  assert.deepEqual(byRule(violations, 'no-module-cycles'), [
    'src/modules/alpha -> src/modules/beta',
    'src/modules/beta -> src/modules/alpha',
  ]);
  assert.deepEqual(byRule(violations, 'no-module-internals'), ['src/modules/gamma/gamma.ts -> src/modules/beta/beta.ts']);
  assert.deepEqual(byRule(violations, 'no-module-internals-from-outside'), ['src/main.ts -> src/modules/gamma/gamma.ts']);
  assert.deepEqual(byRule(violations, 'shared-imports-no-module'), ['src/shared/label.ts -> src/modules/gamma/index.ts']);
  assert.equal(violations.length, 5);
});

test("the project's src/ keeps every boundary: no module loop, no reach into another module", async () => {
  const violations = await cruise(fileURLToPath(new URL('..', import.meta.url)));

  assert.deepEqual(
    violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`),
    [],
  );
});
