// Every call of the contract is one more thing the preload exposes, the host serves and the web bridge accepts, so
// a call no screen makes is surface to keep secure for nothing. The CLI reaches the core directly, never through a
// channel, so the renderer is the one caller a channel can have.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src-main/ipc/channels';
import { repoRoot } from '../fixtures/repo-paths';

function rendererSources(dir = join(repoRoot, 'src-renderer')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return rendererSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The channels the renderer's code calls through useCall, safeCall or callLoyalty, with the name written out. */
function channelsCalled(): Set<string> {
  const called = new Set<string>();
  for (const file of rendererSources())
    for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:useCall|safeCall|callLoyalty)\(\s*'([\w.]+)'/g))
      called.add(match[1]!);
  return called;
}

describe('the contract has no dead calls', () => {
  it('finds the calls the renderer makes (the scan itself works)', () => {
    const called = channelsCalled();
    expect(called).toContain('program.get');
    expect(called).toContain('import.cancel');
    expect(called).toContain('period.approve');
  });

  it('every channel of the contract is called by some screen of the renderer', () => {
    const called = channelsCalled();
    expect(CHANNEL_NAMES.filter((channel) => !called.has(channel))).toEqual([]);
  });

  it('the renderer calls no channel the contract lacks', () => {
    const known = new Set<string>(CHANNEL_NAMES);
    expect([...channelsCalled()].filter((channel) => !known.has(channel))).toEqual([]);
  });
});
