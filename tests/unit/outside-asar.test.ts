import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outsideAsar } from '../../src-main/db/project-paths';

const app = join(sep, 'opt', 'Loyalty Desk', 'resources');
const worker = join('src-main', 'core', 'import', 'read', 'xlsx-row-worker.mjs');

describe('outsideAsar: the file a worker thread of the packaged app starts from', () => {
  it('names the copy unpacked beside app.asar when there is one', () => {
    const unpacked = join(app, 'app.asar.unpacked', worker);
    expect(outsideAsar(join(app, 'app.asar', worker), (path) => path === unpacked)).toBe(unpacked);
  });

  it('keeps a path inside the archive when nothing was unpacked, and any path outside an archive', () => {
    expect(outsideAsar(join(app, 'app.asar', worker), () => false)).toBe(join(app, 'app.asar', worker));
    expect(outsideAsar(join(sep, 'home', 'me', 'loyalty-desk', worker), () => true)).toBe(
      join(sep, 'home', 'me', 'loyalty-desk', worker),
    );
  });

  it('takes the archive the file is in, not a folder named like one above it', () => {
    const odd = join(sep, 'x', 'app.asar', 'copy', 'resources');
    const unpacked = join(odd, 'app.asar.unpacked', worker);
    expect(outsideAsar(join(odd, 'app.asar', worker), (path) => path === unpacked)).toBe(unpacked);
  });
});
