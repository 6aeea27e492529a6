import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { codeExchangeHandler } from '../../src/server/code-exchange.js';
import { nodeRoute } from '../../src/server/node-adapter.js';

const app = 'https://app.example';
const MiB = 1024 * 1024;

/** What one request got: the status, and how many bytes of it the server read from its socket. */
interface Outcome {
  status: number;
  bytesRead: number;
  /** The response body's text. */
  body: string;
}

// The route checks the method and the Origin before it reads a byte of the body, reads at most
// maxBodyBytes (RFC 9110 §15.5.14, 413) within bodyTimeout (§15.5.9, 408), and the Node adapter closes
// the connection rather than read what is left. The provider is never asked: its endpoint is unused.
describe('codeExchangeHandler: method, Origin and body limits before anything is read', () => {
  let server: Server;
  let port: number;
  /** For each request the server took, in order: how many bytes it read once its socket closed. */
  const bytesRead: Promise<number>[] = [];

  before(async () => {
    const route = nodeRoute(
      '/api/oauth/token',
      codeExchangeHandler({
        tokenEndpoint: 'http://127.0.0.1:9/token',
        clientId: 'c',
        clientSecret: 's',
        allowedOrigins: [app],
        maxBodyBytes: 16 * 1024,
        bodyTimeout: 300,
      }),
    );
    server = createServer((req, res) => {
      bytesRead.push(new Promise((resolve) => req.socket.once('close', () => resolve(req.socket.bytesRead))));
      route(req, res, () => res.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  /**
   * Sends `total` bytes of body (in 1 MiB writes of one buffer, so the sender keeps no copy), or
   * `total` bytes and then nothing more (`stall`), and resolves once the server has closed the connection.
   */
  function send(
    method: string,
    headers: Record<string, string | number>,
    total: number,
    stall = false,
  ): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      const chunk = Buffer.alloc(MiB, 'a');
      let status = 0;
      let body = '';
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/api/oauth/token',
        method,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      });
      request.on('response', (response) => {
        status = response.statusCode ?? 0;
        response.setEncoding('utf8');
        response.on('data', (text: string) => (body += text));
      });
      // The server closes mid-upload: the writes that follow fail, as they should.
      request.on('error', () => undefined);
      request.on('close', () => {
        const read = bytesRead.shift();
        if (status === 0 || read === undefined) reject(new Error(`no answer: ${status}`));
        else read.then((count) => resolve({ status, bytesRead: count, body }), reject);
      });
      let sent = 0;
      const pump = (): void => {
        while (sent < total && !request.destroyed) {
          const part = chunk.subarray(0, Math.min(MiB, total - sent));
          sent += part.length;
          if (!request.write(part)) return void request.once('drain', pump);
        }
        if (!stall && !request.destroyed) request.end();
      };
      pump();
    });
  }

  it('refuses a 256 MiB POST from a foreign Origin with 403, reading none of it; the server’s memory does not grow by it', async () => {
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 5);
    const outcome = await send(
      'POST',
      { origin: 'https://evil.example', 'transfer-encoding': 'chunked' },
      256 * MiB,
    ).finally(() => clearInterval(sampler));
    const grown = peak - before;
    assert.ok(grown < 64 * MiB, `array buffers grew by up to ${grown} bytes`);
    assert.equal(outcome.status, 403);
    assert.ok(outcome.bytesRead < 4 * MiB, `the server read ${outcome.bytesRead} bytes`);
  });

  const refusals: [string, string, Record<string, string | number>, number][] = [
    ['another method with 405 before the body', 'PUT', { origin: app, 'transfer-encoding': 'chunked' }, 405],
    [
      'a declared Content-Length above the limit with 413 before reading the body',
      'POST',
      { origin: app, 'content-length': 64 * MiB },
      413,
    ],
    ['a chunked body with 413 where it passes the limit', 'POST', { origin: app, 'transfer-encoding': 'chunked' }, 413],
  ];
  for (const [what, method, headers, status] of refusals) {
    it(`refuses ${what}`, async () => {
      const outcome = await send(method, headers, 64 * MiB);
      assert.equal(outcome.status, status);
      assert.ok(outcome.bytesRead < 4 * MiB, `the server read ${outcome.bytesRead} bytes`);
    });
  }

  it('answers a body that stops arriving with 408 and closes the connection', async () => {
    const outcome = await send('POST', { origin: app, 'content-length': 1000 }, 10, true);
    assert.equal(outcome.status, 408);
    assert.match(outcome.body, /did not arrive within 300 ms/);
  });

  it('still reads a small form from an allowed Origin', async () => {
    const body = new URLSearchParams({ action: 'start', state: 'a-state-long-enough-to-pass' }).toString();
    const response = await fetch(`http://127.0.0.1:${port}/api/oauth/token`, {
      method: 'POST',
      headers: { origin: app, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('set-cookie') ?? '', /^__Host-oauth-elements-c=/);
  });
});
