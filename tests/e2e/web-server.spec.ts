// The web server as an attacker on this machine, or a DNS-rebinding page, would meet it.
import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

test('refuses requests without the token or with a foreign Host header', async ({ server }) => {
  const { port, token } = server;
  const host = `127.0.0.1:${port}`;
  const api = '/api/call/app.info';
  const json = { 'content-type': 'application/json' };

  // The page without the token.
  expect((await send(port, '/', { headers: { host } })).status).toBe(403);
  // The page with the token: served, with the CSP, and the token becomes a strict cookie.
  const page = await send(port, `/?token=${encodeURIComponent(token)}`, { headers: { host } });
  expect(page.status).toBe(200);
  expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);

  // A foreign Host (DNS rebinding), even with the right token.
  expect(
    (await send(port, `/?token=${encodeURIComponent(token)}`, { headers: { host: `evil.example:${port}` } })).status,
  ).toBe(403);
  expect(
    (
      await send(port, api, {
        method: 'POST',
        headers: { ...json, host: `evil.example:${port}`, 'x-loyalty-token': token },
        body: '{}',
      })
    ).status,
  ).toBe(403);

  // The API: no token, a wrong token, the cookie alone: refused.
  expect((await send(port, api, { method: 'POST', headers: { ...json, host }, body: '{}' })).status).toBe(403);
  expect(
    (
      await send(port, api, {
        method: 'POST',
        headers: { ...json, host, 'x-loyalty-token': 'x'.repeat(token.length) },
        body: '{}',
      })
    ).status,
  ).toBe(403);
  expect(
    (
      await send(port, api, {
        method: 'POST',
        headers: { ...json, host, cookie: `loyalty_token=${token}` },
        body: '{}',
      })
    ).status,
  ).toBe(403);
  // Another site's page, even if it had the token.
  expect(
    (
      await send(port, api, {
        method: 'POST',
        headers: { ...json, host, origin: 'http://evil.example', 'x-loyalty-token': token },
        body: '{}',
      })
    ).status,
  ).toBe(403);

  // With the token header: the call's result.
  const ok = await send(port, api, {
    method: 'POST',
    headers: { ...json, host: `localhost:${port}`, 'x-loyalty-token': token },
    body: '{}',
  });
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { runtime: 'web' } });
});

test('serves only the renderer folder, and refuses an oversized body', async ({ server }) => {
  const { port, token } = server;
  const headers = { host: `127.0.0.1:${port}`, cookie: `loyalty_token=${token}` };
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/../../package.json']) {
    const answer = await send(port, path, { headers });
    expect(answer.status, path).toBe(404);
  }
  const declaredTooBig = await send(port, '/api/call/import.start', {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': 'application/json',
      'x-loyalty-token': token,
      'content-length': String(200 * 1024 * 1024),
    },
    body: '',
  }).catch(() => ({ status: 413, body: '', headers: {} }));
  expect(declaredTooBig.status).toBe(413);

  const unknown = await send(port, '/api/call/no.such.call', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'x-loyalty-token': token },
    body: '{}',
  });
  expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
});
