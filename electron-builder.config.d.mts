// Types of electron-builder.config.mjs for the tests that import it.
import type { Configuration } from 'electron-builder';

export declare function electronBindingFile(): string;
export declare const FUSES: {
  runAsNode: boolean;
  enableCookieEncryption: boolean;
  enableNodeOptionsEnvironmentVariable: boolean;
  enableNodeCliInspectArguments: boolean;
  enableEmbeddedAsarIntegrityValidation: boolean;
  onlyLoadAppFromAsar: boolean;
  grantFileProtocolExtraPrivileges: boolean;
  loadBrowserProcessSpecificV8Snapshot: boolean;
};
export declare const UNPACKED_WORKER_FILES: string[];
declare const config: Configuration;
export default config;
