import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  buildAttempts,
  buildEnv,
  downloadFailureMessage,
  electronBindingPath,
  failureMessage,
  makeStamp,
  messageFor,
  nodeGypCandidates,
  planElectronBinary,
  planNativeBuild,
  stampPath,
  type PlanInput,
} from '../../scripts/native-for-electron-plan.mjs';
import { electronBindingPath as appBindingPath } from '../../src-main/db/native-binding';

const stamp = makeStamp({ electronVersion: '45.4.1', betterSqlite3Version: '12.9.0', platform: 'linux', arch: 'x64' });

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    env: {},
    electron: { version: '45.4.1', binaryPresent: true },
    betterSqlite3: { version: '12.9.0' },
    target: { exists: false, stamp: undefined },
    platform: 'linux',
    arch: 'x64',
    ...overrides,
  };
}

describe('planNativeBuild', () => {
  it('puts the build where the app loads it from', () => {
    expect(electronBindingPath('/p')).toBe(appBindingPath('/p'));
    expect(stampPath('/p')).toBe(join('/p', 'node_modules', '.loyalty-native', 'electron', 'stamp.json'));
  });

  it('builds when nothing is there yet', () => {
    expect(planNativeBuild(input())).toEqual({ action: 'build', stamp });
  });

  it('builds even before Electron has fetched its binary (Electron 45 fetches it on first start)', () => {
    expect(planNativeBuild(input({ electron: { version: '45.4.1', binaryPresent: false } }))).toEqual({
      action: 'build',
      stamp,
    });
  });

  it('skips, saying why, when the Electron binary download is turned off and no binary is here', () => {
    for (const env of [{ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, { npm_config_electron_skip_binary_download: 'true' }]) {
      const plan = planNativeBuild(input({ env, electron: { version: '45.4.1', binaryPresent: false } }));
      expect(plan).toMatchObject({ action: 'skip' });
      expect(messageFor(plan)).toMatch(
        /^Loyalty Desk: skipped the Electron build of the database engine .*ELECTRON_SKIP_BINARY_DOWNLOAD/,
      );
    }
    expect(
      planNativeBuild(
        input({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '0' }, electron: { version: '45.4.1', binaryPresent: false } }),
      ).action,
    ).toBe('build');
    expect(planNativeBuild(input({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } })).action).toBe('build');
  });

  it('skips without Electron or better-sqlite3, or when told to', () => {
    expect(planNativeBuild(input({ electron: { version: undefined, binaryPresent: false } })).action).toBe('skip');
    expect(planNativeBuild(input({ betterSqlite3: { version: undefined } })).action).toBe('skip');
    expect(planNativeBuild(input({ env: { LOYALTY_SKIP_ELECTRON_NATIVE: '1' } })).action).toBe('skip');
  });

  it('does nothing when the build in place matches Electron, better-sqlite3 and the machine', () => {
    expect(planNativeBuild(input({ target: { exists: true, stamp } }))).toEqual({ action: 'up-to-date', stamp });
    expect(planNativeBuild(input({ target: { exists: true, stamp }, force: true })).action).toBe('build');
    expect(planNativeBuild(input({ target: { exists: false, stamp } })).action).toBe('build');
    expect(planNativeBuild(input({ target: { exists: true, stamp: { ...stamp, electron: '44.0.0' } } })).action).toBe(
      'build',
    );
    expect(
      planNativeBuild(input({ target: { exists: true, stamp: { ...stamp, betterSqlite3: '12.8.0' } } })).action,
    ).toBe('build');
    expect(planNativeBuild(input({ target: { exists: true, stamp: { ...stamp, arch: 'arm64' } } })).action).toBe(
      'build',
    );
    expect(planNativeBuild(input({ target: { exists: true, stamp: 'garbage' } })).action).toBe('build');
  });
});

describe('building', () => {
  it('tries the prebuilt file first, then a compile against Electron headers', () => {
    const attempts = buildAttempts({
      electronVersion: '45.4.1',
      platform: 'linux',
      arch: 'x64',
      nodePath: '/usr/bin/node',
      prebuildInstall: '/p/node_modules/prebuild-install/bin.js',
      nodeGyp: '/npm/node_modules/node-gyp/bin/node-gyp.js',
      devDir: '/home/a/.electron-gyp',
    });
    expect(attempts.map((a) => a.command)).toEqual(['/usr/bin/node', '/usr/bin/node']);
    expect(attempts[0]!.args).toEqual([
      '/p/node_modules/prebuild-install/bin.js',
      '--runtime=electron',
      '--target=45.4.1',
      '--platform=linux',
      '--arch=x64',
      '--verbose',
    ]);
    expect(attempts[1]!.args).toEqual([
      '/npm/node_modules/node-gyp/bin/node-gyp.js',
      'rebuild',
      '--release',
      '--target=45.4.1',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
      '--devdir=/home/a/.electron-gyp',
    ]);
    const onlyGyp = buildAttempts({
      ...{ electronVersion: '45.4.1', platform: 'linux', arch: 'x64', nodePath: 'node', devDir: '/d' },
      prebuildInstall: undefined,
      nodeGyp: 'g.js',
    });
    expect(onlyGyp).toHaveLength(1);
  });

  it("finds npm's own node-gyp", () => {
    expect(
      nodeGypCandidates({
        env: { npm_config_node_gyp: '/a/node-gyp.js', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' },
        execPath: '/opt/node/bin/node',
        platform: 'linux',
      }),
    ).toEqual([
      '/a/node-gyp.js',
      join('/usr/lib/node_modules/npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      join('/opt/node/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    ]);
    // The same npm reached two ways is tried once.
    expect(
      nodeGypCandidates({
        env: { npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' },
        execPath: '/usr/bin/node',
        platform: 'linux',
      }),
    ).toHaveLength(1);
    expect(nodeGypCandidates({ env: {}, execPath: 'C:\\node\\node.exe', platform: 'win32' })).toHaveLength(1);
  });

  it('drops npm settings that would build for Node instead of Electron', () => {
    const env = buildEnv({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_build_from_source: 'true',
      'npm_config_dist-url': 'https://nodejs.org',
      npm_config_cache: '/c',
    });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it('says on failure that only the desktop app is affected', () => {
    const message = failureMessage('45.4.1', ['no network']);
    expect(message).toContain('Electron 45.4.1: no network');
    expect(message).toContain('will not start');
    expect(message).toContain('Tests, the CLI');
  });
});

describe('planElectronBinary', () => {
  it('fetches the binary at install, since electron-vite will not (it needs path.txt)', () => {
    const electron = { version: '45.4.1', binaryPresent: false };
    expect(planElectronBinary({ env: {}, electron })).toEqual({ action: 'download' });
    expect(planElectronBinary({ env: {}, electron: { ...electron, binaryPresent: true } })).toEqual({
      action: 'present',
    });
    expect(planElectronBinary({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, electron })).toMatchObject({
      action: 'skip',
    });
    expect(planElectronBinary({ env: {}, electron: { version: undefined, binaryPresent: false } })).toMatchObject({
      action: 'skip',
    });
    expect(downloadFailureMessage('45.4.1', 'offline')).toContain('npx install-electron');
  });
});
