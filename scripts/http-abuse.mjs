// @ts-check
/**
 * Helpers for the servers' abuse tests (mirror-abuse.test.mjs, static-server.test.mjs): raw requests that
 * reach the server exactly as typed, and many parallel downloads checked byte for byte. Loopback only.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: Buffer }} RawResponse
 */

/**
 * Send one request as raw bytes (no URL normalisation on the way) and read the answer until the server
 * closes the connection.
 * @param {number} port
 * @param {string} target the request target, as typed
 * @param {{ method?: string, headers?: Record<string, string>, body?: string }} [options]
 * @returns {Promise<RawResponse>}
 */
export function rawRequest(port, target, { method = 'GET', headers = {}, body = '' } = {}) {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    /** @type {Buffer[]} */
    const chunks = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(parseResponse(Buffer.concat(chunks))));
    socket.on('error', reject);
    socket.setTimeout(15_000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${method} ${JSON.stringify(target)}`));
    });
  });
}

/** @param {Buffer} raw */
function parseResponse(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, split < 0 ? raw.length : split).toString('latin1').split('\r\n');
  /** @type {Record<string, string>} */
  const headers = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
  return { status, headers, body: split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4) };
}

/**
 * Download `url` `count` times at once, each on its own connection, and return the sha256 (hex) of each body
 * and the wall time in ms (reported, never asserted).
 * @param {string} url @param {number} count
 * @returns {Promise<{ hashes: string[], statuses: number[], ms: number }>}
 */
export async function parallelDownloads(url, count) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: count });
  const started = performance.now();
  try {
    const results = await Promise.all(
      Array.from({ length: count }, () =>
        new Promise((resolve, reject) => {
          http
            .get(url, { agent }, (res) => {
              const hash = createHash('sha256');
              res.on('data', (chunk) => hash.update(chunk));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, hash: hash.digest('hex') }));
              res.on('error', reject);
            })
            .on('error', reject);
        }),
      ),
    );
    return {
      hashes: results.map((r) => /** @type {{ hash: string }} */ (r).hash),
      statuses: results.map((r) => /** @type {{ status: number }} */ (r).status),
      ms: Math.round(performance.now() - started),
    };
  } finally {
    agent.destroy();
  }
}

/**
 * Start `count` downloads of `url` and drop each connection after its first chunk.
 * @param {string} url @param {number} count
 */
export async function abortedDownloads(url, count) {
  await Promise.all(
    Array.from({ length: count }, () =>
      new Promise((resolve) => {
        const req = http.get(url, { agent: false }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve(undefined);
          });
          res.on('end', () => resolve(undefined));
        });
        req.on('error', () => resolve(undefined));
      }),
    ),
  );
}

/** @param {Buffer} data */
export function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Request targets that are malformed in one way or another: each must get a 4xx answer, never a crash.
 * (Raw control characters and an over-long request line are refused by Node's own parser: 400 and 431.)
 */
export const MALFORMED_TARGETS = [
  '//[',
  '//[::1',
  '/%',
  '/%zz/a',
  '/%E0%A4%A',
  '/%C0%AF',
  'http://[',
  '/\u0001',
  '/a\u007fb',
  `/${'a'.repeat(8 * 1024)}`,
  `/${'%2e%2e/'.repeat(1200)}x`,
  `/${'a/'.repeat(4000)}`,
  `/${'a'.repeat(20 * 1024)}`,
];
