// Types of build-cli.mjs (plain ESM, run by npm's postinstall before any TypeScript tool).

/** Builds the CLI's bundle from the sources under root and makes it the current one; returns its entry. */
export function buildCli(root: string): Promise<string>;
