// Types of first-start.mjs (plain ESM, run by npm start and npm run web before any TypeScript tool).

export type ElectronProgram = { found: true; path: string } | { found: false; why: 'package' | 'download' };

export function electronProgram(root: string, env?: NodeJS.ProcessEnv): ElectronProgram;
export function noElectronSentence(why: 'package' | 'download'): string;
export function rendererBuilt(root: string): boolean;
