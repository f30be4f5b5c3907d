import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

/**
 * Called inside a describe block (or at a file's top level): a new folder
 * under the system's temporary folder, named from `prefix`, made by a before
 * hook that hands its path to `use`, and removed with all it holds after the
 * tests.
 */
export function tempDirForBlock(prefix: string, use: (path: string) => void): void {
  let dir: string | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    use(dir);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}
