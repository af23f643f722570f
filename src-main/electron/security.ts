// Hardening of every web page the app creates, after Electron's security checklist and
// Actual's desktop-electron security.ts: no new windows, no navigation away from our own
// page, no webviews, no permissions, and the Content-Security-Policy the app's scheme sends.
import type { Session, WebContents } from 'electron';

export type UrlCheck = (url: string) => boolean;
export type OpenExternal = (url: string) => unknown;

export interface HardeningOptions {
  isAppUrl: UrlCheck;
  /** shell.openExternal; only ever given https URLs. */
  openExternal: OpenExternal;
}

/** Only https links leave the app, in the operator's browser; file:, http:, custom schemes never do. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** For setWindowOpenHandler: the app never opens a second window; https links go to the browser. */
export function denyNewWindow(openExternal: OpenExternal) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    if (isSafeExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  };
}

/**
 * For will-navigate: the window shows only our page. A link to another place is stopped;
 * if it is https it opens in the browser instead. Returns whether navigation may go on.
 */
export function guardNavigation(
  event: { preventDefault(): void },
  url: string,
  { isAppUrl, openExternal }: HardeningOptions,
): boolean {
  if (isAppUrl(url)) return true;
  event.preventDefault();
  if (isSafeExternalUrl(url)) void openExternal(url);
  return false;
}

/** For redirects and sub-frame navigations: stopped unless they stay on our page, nothing opened. */
function guardSilently(event: { preventDefault(): void }, url: string, isAppUrl: UrlCheck): boolean {
  if (isAppUrl(url)) return true;
  event.preventDefault();
  return false;
}

export function hardenWebContents(contents: WebContents, options: HardeningOptions): void {
  contents.setWindowOpenHandler(denyNewWindow(options.openExternal));
  contents.on('will-navigate', (event) => {
    guardNavigation(event, event.url, options);
  });
  contents.on('will-frame-navigate', (event) => {
    guardSilently(event, event.url, options.isAppUrl);
  });
  contents.on('will-redirect', (event) => {
    guardSilently(event, event.url, options.isAppUrl);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Every permission is refused (camera, notifications, geolocation, opening other apps...),
 * except writing plain text to the clipboard from our own page, which Chromium gates
 * behind a permission and a "Copy" button needs.
 */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  isAppUrl: UrlCheck,
): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

export function lockDownPermissions(session: Session, isAppUrl: UrlCheck): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, isAppUrl));
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) => {
    return isPermissionGranted(permission, details.requestingUrl ?? contents?.getURL(), isAppUrl);
  });
}

/**
 * The policy sent as a header with every file of the built page by app-protocol.ts (the page
 * also carries a meta tag; a browser enforces both). Scripts and styles come only from the
 * app's own files; nothing is fetched from elsewhere, framed or posted.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
