// What app://loyalty-desk/ answers: a file of the built renderer folder, with its type and the app's
// Content-Security-Policy, or 404. No Electron here (Electron's protocol.handle calls it with the request's URL), so
// the rule "nothing outside the renderer folder is ever served" is tested without a window.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { rendererFileOf } from './app-location';
import { CONTENT_SECURITY_POLICY } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export async function serveAppRequest(dir: string, url: string): Promise<Response> {
  const file = rendererFileOf(dir, url);
  const type = file ? TYPES[extname(file).toLowerCase()] : undefined;
  if (!file || !type) return notFound();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
