// Core hosts as child processes of a Node relay (the web bridge, the browser tests): the same
// host-process.ts that Electron starts as a utility process, here over fork()'s IPC channel
// with structured-clone serialisation, so that file bytes cross as Uint8Array.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findProjectRoot } from '../db/project-paths';
import { connectCore, type CoreClient, type HostLink } from './core-client';
import type { HostInit } from './host-protocol';

/**
 * The host's entry. 'built': the bundle Electron runs (out/main/host.js, made by `npm run
 * build`), plain JavaScript that starts at once; the web bridge and the browser tests use it,
 * as they use the built renderer. 'source': the TypeScript through tsx, for tests that run
 * before a build.
 */
function hostEntry(
  kind: HostEntryKind = 'source',
  root: string = findProjectRoot(),
): { file: string; execArgv: string[] } {
  if (kind === 'built') return { file: join(root, 'out', 'main', 'host.js'), execArgv: [] };
  const loader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return { file: join(root, 'src-main', 'host', 'host-process.ts'), execArgv: ['--import', loader] };
}

export type HostEntryKind = 'built' | 'source';

export function forkHostLink(entry = hostEntry()): HostLink {
  const child = fork(entry.file, [], {
    serialization: 'advanced',
    execArgv: entry.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as Parameters<typeof listener>[0])),
    onExit: (listener) => child.once('exit', () => listener()),
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}

export function startNodeCore(
  init: Omit<HostInit, 'type' | 'lane'>,
  kind: HostEntryKind = 'source',
): Promise<CoreClient> {
  const entry = hostEntry(kind);
  if (!existsSync(entry.file)) throw new Error(`The core host ${entry.file} is missing: run "npm run build" first.`);
  return connectCore(() => forkHostLink(entry), init);
}
