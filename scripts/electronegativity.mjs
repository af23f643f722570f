// npm run lint:electron: Doyensec's Electronegativity over the app's Electron side (the main process, the preload
// and the page's HTML with its Content-Security-Policy), failing on any finding of high severity. It reads copies of
// those files only, so that it never walks node_modules or the tests. The check that fetches Electron's release list
// is left out: these machines have no internet, and the Electron version is given from node_modules instead.
//
// The tool lives in tools/electronegativity with a lockfile of its own (it needs commander 5, which it does not
// declare, and the app's tools bring a newer one); it is installed there on first use.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = join(root, 'tools', 'electronegativity');
const tool = join(toolDir, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
// .ci/run installs the tool beside the tests and marks the install under way: wait for it rather than install twice.
const installing = join(toolDir, '.installing');
for (let waited = 0; existsSync(installing) && waited < 600; waited++) {
  if (waited === 0) console.log('Waiting for the install of Electronegativity under way (.ci/run) to end...');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
}
if (!existsSync(tool)) {
  console.log('Installing Electronegativity into tools/electronegativity (once)...');
  execFileSync('npm', ['ci', '--prefix', toolDir, '--ignore-scripts', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    timeout: 600_000,
  });
}
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

const input = mkdtempSync(join(tmpdir(), 'loyalty-electronegativity-'));
try {
  for (const folder of ['src-main/electron', 'src-main/preload'])
    for (const name of readdirSync(join(root, folder)))
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) copyFileSync(join(root, folder, name), join(input, name));
  copyFileSync(join(root, 'src-renderer', 'index.html'), join(input, 'index.html'));
  const report = join(input, 'report.csv');
  execFileSync(
    process.execPath,
    [tool, '-i', input, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report],
    { stdio: ['ignore', 'ignore', 'inherit'], timeout: 180_000 },
  );
  const findings = readFileSync(report, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [check, severity, confidence, file, location] = line.split(',').map((cell) => cell.replace(/"/g, ''));
      return { check, severity, confidence, file, location };
    });
  for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.check} ${f.file}:${f.location} (${f.confidence})`);
  const high = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL');
  console.log(
    `Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${high.length} of high severity.`,
  );
  process.exitCode = high.length > 0 ? 1 : 0;
} finally {
  rmSync(input, { recursive: true, force: true });
}
