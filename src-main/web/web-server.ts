// Web mode: the built renderer and the real handlers, served to a browser on this machine
// only. The same contract as the Electron preload, over POST /api/call/<channel>.
//
// Who may talk to it: the server listens on the loopback address, and every request must
// name it by that address (a foreign Host header is a DNS-rebinding page: 403) and carry
// the session token. The page gets the token from the printed URL once; it becomes an
// HttpOnly SameSite=Strict cookie for the page's files. API calls must send the token in
// a header, which another site's page cannot add, so the cookie alone never reaches the
// data.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { findProjectRoot } from '../db/project-paths';
import type { Logger } from '../ipc/dispatch';
import { startNodeCore, type HostEntryKind } from '../host/node-host';
import { operatorName } from '../host/operator-name';
import type { CallResult } from '../ipc/contract';
import { createWireCodec, WEB_CALL_PREFIX, WEB_TOKEN_HEADER } from '../ipc/wire-codec';

/** A client file of ~85 MB still fits after base64 (4/3) and the JSON around it. */
export const DEFAULT_MAX_BODY_BYTES = 120 * 1024 * 1024;

export const TOKEN_COOKIE = 'loyalty_token';

/** The same policy as the renderer's meta tag, sent as a header so it also covers the server's own answers. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // The first address carries the token: never hand it to another site as a referrer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface WebServerOptions {
  /** The SQLite file of the program; created and migrated if needed. */
  dbFile: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The loopback address to listen on; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** A fixed token (tests); otherwise 32 random bytes. */
  token?: string;
  /** The built renderer; defaults to out/renderer of the project. */
  rendererDir?: string;
  maxBodyBytes?: number;
  /** Recorded with every operator decision; defaults to the system user name. */
  actor?: string;
  /** A fixed clock for the core (an ISO instant), for tests. */
  fixedNow?: string;
  /** The core host to run: the built one (as the desktop app runs it) or the sources through tsx. */
  coreHost?: HostEntryKind;
  log?: Logger;
}

export interface WebServerHandle {
  /** The address to open, with the token: http://127.0.0.1:PORT/?token=... */
  url: string;
  /** The same address without the token. */
  origin: string;
  port: number;
  token: string;
  dataFile: string;
  rendererDir: string;
  /** Whether the renderer has been built (out/renderer/index.html exists). */
  rendererBuilt: boolean;
  close(): Promise<void>;
}

function appVersion(root: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function refusal(message: string, status: number): CallResult<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message, details: { httpStatus: status } } };
}

class BodyTooLargeError extends Error {}

/** The browser went away mid-upload (a closed tab): nobody is left to answer. */
class RequestAbortedError extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    let ended = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new BodyTooLargeError());
        // Stop reading; the answer goes out and the connection is closed after it.
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      ended = true;
      if (!failed) resolveBody(Buffer.concat(chunks, size));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
      failed = true;
    });
    req.on('close', () => {
      if (!ended && !failed) {
        failed = true;
        reject(new RequestAbortedError());
      }
    });
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServerHandle> {
  const root = findProjectRoot();
  const rendererDir = resolve(options.rendererDir ?? join(root, 'out', 'renderer'));
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log: Logger = options.log ?? ((message, error) => console.error(message, error));
  const codec = createWireCodec({
    toBase64: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    fromBase64: (text) => {
      const buffer = Buffer.from(text, 'base64');
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
  });

  // The core runs in host processes of its own, as in the desktop app: this server only relays.
  const core = await startNodeCore(
    {
      dbFile: options.dbFile,
      actor: options.actor ?? operatorName(),
      version: appVersion(root),
      runtime: 'web',
      fixedNow: options.fixedNow,
    },
    options.coreHost,
  );

  let allowedHosts = new Set<string>();
  let origin = '';

  function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer): void {
    res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
    res.end(body);
  }

  function sendJson(
    res: ServerResponse,
    status: number,
    result: CallResult<unknown>,
    extra: Record<string, string> = {},
  ): void {
    send(
      res,
      status,
      { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
      codec.encode(result),
    );
  }

  function sendText(res: ServerResponse, status: number, text: string): void {
    send(res, status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, text);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, refusal('Calls are made with POST.', 405), { Allow: 'POST' });
      return;
    }
    // A browser names the page's origin on a POST; a page of another site is refused
    // even before the token is looked at.
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && !allowedHosts.has(requestOrigin.replace(/^http:\/\//, ''))) {
      sendJson(res, 403, refusal('This request came from another site and was refused.', 403));
      return;
    }
    const given = req.headers[WEB_TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
      sendJson(
        res,
        403,
        refusal('The access key is missing or wrong: open the address that "npm run web" printed.', 403),
      );
      return;
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!contentType.toLowerCase().startsWith('application/json')) {
      sendJson(res, 415, refusal('Calls are sent as JSON.', 415));
      return;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      sendJson(res, 413, refusal('The file is too large to send to Loyalty Desk.', 413), { Connection: 'close' });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, refusal('The file is too large to send to Loyalty Desk.', 413), { Connection: 'close' });
        return;
      }
      throw error;
    }
    let request: unknown;
    try {
      request = body.length === 0 ? {} : codec.decode(body.toString('utf8'));
    } catch {
      sendJson(res, 400, refusal('The request was not valid JSON.', 400));
      return;
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      sendJson(res, 400, refusal('The request must be a JSON object with the call\'s "args".', 400));
      return;
    }
    let channel: string;
    try {
      channel = decodeURIComponent(pathname.slice(WEB_CALL_PREFIX.length));
    } catch {
      channel = '';
    }
    const result = await core.call(channel, (request as { args?: unknown }).args);
    sendJson(res, 200, result);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method not allowed.');
      return;
    }
    const queryToken = url.searchParams.get('token');
    const cookieToken = readCookie(req.headers.cookie, TOKEN_COOKIE);
    const headers: Record<string, string> = {};
    if (sameToken(queryToken, token)) {
      headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    } else if (!sameToken(cookieToken, token)) {
      sendText(res, 403, 'Open Loyalty Desk with the address that "npm run web" printed: it carries the access key.');
      return;
    }

    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      sendText(res, 400, 'The address is not valid.');
      return;
    }
    if (pathname.includes('\0')) {
      sendText(res, 400, 'The address is not valid.');
      return;
    }
    if (pathname === '/' || pathname === '') pathname = '/index.html';
    // Resolved against the renderer folder and checked to stay inside it, so that
    // "/../../package.json" and its encoded forms lead nowhere.
    const file = resolve(rendererDir, '.' + pathname);
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) {
      sendText(res, 404, 'Not found.');
      return;
    }
    if (!existsSync(join(rendererDir, 'index.html'))) {
      sendText(res, 503, 'Loyalty Desk has not been built yet: run "npm run build" first, then "npm run web" again.');
      return;
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      sendText(res, 404, 'Not found.');
      return;
    }
    if (!info.isFile()) {
      sendText(res, 404, 'Not found.');
      return;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      ...headers,
      'Content-Type': type,
      'Content-Length': String(info.size),
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  const server = createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    if (!allowedHosts.has(hostHeader.toLowerCase())) {
      // Drain nothing: a DNS-rebinding page gets no more than this.
      sendText(res, 403, 'This address is not served here.');
      req.resume();
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      sendText(res, 400, 'The address is not valid.');
      return;
    }
    const work = url.pathname.startsWith(WEB_CALL_PREFIX)
      ? handleApi(req, res, url.pathname)
      : handleStatic(req, res, url);
    work.catch((error: unknown) => {
      if (error instanceof RequestAbortedError) {
        res.destroy();
        return;
      }
      log('Web server request failed:', error);
      if (!res.headersSent) sendJson(res, 500, refusal('Loyalty Desk could not answer this request.', 500));
      else res.destroy();
    });
  });
  server.requestTimeout = 10 * 60 * 1000;

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  }).catch(async (error: unknown) => {
    await core.close();
    throw error;
  });

  const port = (server.address() as AddressInfo).port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `${hostForUrl}:${port}`.toLowerCase()]);
  origin = `http://${hostForUrl}:${port}`;

  let closed: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    dataFile: core.dataFile,
    rendererDir,
    rendererBuilt: existsSync(join(rendererDir, 'index.html')),
    close() {
      closed ??= new Promise<void>((resolveClose) => {
        server.close(() => {
          void core.close().then(resolveClose);
        });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
