// Types of cli-bundle.mjs (plain ESM, run by bin/loyalty.mjs before any TypeScript tool).

export const CLI_OUT: string;
export const CLI_MANIFEST: string;

export interface CliManifest {
  /** The current build's folder under out/cli. */
  dir: string;
  /** Every file the build read, relative to the project folder, as it was when read. */
  inputs: Record<string, { size: number; mtimeMs: number }>;
}

export function readCliManifest(root: string): CliManifest | null;
export function cliEntry(root: string, manifest: CliManifest): string;
export function cliBundleStaleness(root: string, manifest?: CliManifest | null): string | null;
