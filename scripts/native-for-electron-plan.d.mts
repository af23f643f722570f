// Types of native-for-electron-plan.mjs (plain ESM, run by npm before any TypeScript tool).

export interface NativeStamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export type NativePlan =
  | { action: 'skip'; reason: string }
  | { action: 'up-to-date'; stamp: NativeStamp }
  | { action: 'build'; stamp: NativeStamp };

export type ElectronBinaryPlan = { action: 'present' } | { action: 'download' } | { action: 'skip'; reason: string };

export interface PlanInput {
  env: Record<string, string | undefined>;
  /** version: from node_modules/electron/package.json; binaryPresent: path.txt and dist/ exist. */
  electron: { version: string | undefined; binaryPresent: boolean };
  betterSqlite3: { version: string | undefined };
  /** The Electron build already in place, and its stamp (parsed JSON, or undefined). */
  target: { exists: boolean; stamp: unknown };
  platform: string;
  arch: string;
  force?: boolean;
}

export interface BuildAttempt {
  label: string;
  command: string;
  args: string[];
  timeoutMs: number;
}

export function electronBindingPath(projectRoot: string): string;
export function stampPath(projectRoot: string): string;
export const BUILD_SOURCES: string[];
export const ELECTRON_HEADERS_URL: string;
export function isFlagSet(value: string | undefined): boolean;
export function makeStamp(input: {
  electronVersion: string;
  betterSqlite3Version: string;
  platform: string;
  arch: string;
}): NativeStamp;
export function planElectronBinary(input: Pick<PlanInput, 'env' | 'electron'>): ElectronBinaryPlan;
export function planNativeBuild(input: PlanInput): NativePlan;
export function nodeGypCandidates(input: {
  env: Record<string, string | undefined>;
  execPath: string;
  platform: string;
}): string[];
export function buildAttempts(input: {
  electronVersion: string;
  platform: string;
  arch: string;
  nodePath: string;
  prebuildInstall: string | undefined;
  nodeGyp: string | undefined;
  devDir: string;
}): BuildAttempt[];
export const OVERRIDING_NPM_CONFIG: string[];
export function buildEnv(env: Record<string, string | undefined>): Record<string, string>;
export function messageFor(plan: NativePlan): string;
export function downloadFailureMessage(electronVersion: string, reason: string): string;
export function failureMessage(electronVersion: string, reasons: string[]): string;
