import { describe, expect, it } from 'vitest';
import { KNOWN_VERSIONS, MAX_FRAGMENT_CHARS, SHARE_VERSION, ShareLinkError, decodeShare, encodeShare, encodeShareV0, fromBase64Url, shareParam, toBase64Url, type SharePayload } from './codec';

/** A small seeded generator, so a failing random case can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

function randomString(next: () => number, max: number): string {
  const pool = 'abcXYZ 019 -_./?#&=%+<>"\'`\\ éß中文🙂\n\t<script>alert(1)</script>';
  const chars = Array.from(pool);
  return Array.from({ length: Math.floor(next() * max) }, () => chars[Math.floor(next() * chars.length)]).join('');
}

function randomValue(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 4 : 6));
  if (pick === 0) return randomString(next, 40);
  if (pick === 1) return Math.round((next() - 0.5) * 1e6) / 100;
  if (pick === 2) return next() > 0.5;
  if (pick === 3) return null;
  if (pick === 4) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [randomString(next, 8), randomValue(next, depth + 1)]));
}

function randomPayload(next: () => number): SharePayload {
  return {
    t: randomString(next, 24),
    m: `${randomString(next, 10)}/${randomString(next, 10)}`,
    h: next() > 0.5 ? 'http://127.0.0.1:8089/' : undefined,
    r: next() > 0.5 ? randomString(next, 12) : undefined,
    d: ['auto', 'wasm', 'webgpu'][Math.floor(next() * 3)],
    q: ['auto', 'q8', 'fp32'][Math.floor(next() * 3)],
    p: { top_k: Math.floor(next() * 20), do_sample: next() > 0.5 },
    i: randomValue(next),
  };
}

describe('share link codec', () => {
  it('round-trips 200 random states through the current version', async () => {
    const next = rng(42);
    for (let n = 0; n < 200; n += 1) {
      const payload = JSON.parse(JSON.stringify(randomPayload(next))) as SharePayload;
      const value = await encodeShare(payload);
      expect(value.startsWith(`${SHARE_VERSION}.`)).toBe(true);
      expect(value).toMatch(/^\d+\.[\w-]*$/);
      const decoded = await decodeShare(value);
      expect(decoded.version).toBe(SHARE_VERSION);
      expect(decoded.payload).toEqual(payload);
    }
  });

  it('round-trips random states through the legacy v0 form too', async () => {
    const next = rng(7);
    for (let n = 0; n < 100; n += 1) {
      const payload = JSON.parse(JSON.stringify(randomPayload(next))) as SharePayload;
      const decoded = await decodeShare(encodeShareV0(payload));
      expect(decoded.version).toBe(0);
      expect(JSON.parse(JSON.stringify(decoded.payload))).toEqual(payload);
    }
  });

  it('reads a v0 link written by hand in the old long-key format', async () => {
    const v0 = toBase64Url(new TextEncoder().encode(JSON.stringify({ task: 'fill-mask', model: 'Xenova/bert-base-uncased', input: 'Paris is the [MASK] of France.' })));
    const { version, payload } = await decodeShare(`0.${v0}`);
    expect(version).toBe(0);
    expect(payload).toMatchObject({ t: 'fill-mask', m: 'Xenova/bert-base-uncased', i: 'Paris is the [MASK] of France.' });
    expect(KNOWN_VERSIONS).toEqual([0, 1, 2]);
  });

  it('still opens v1 links (the format before compare sets) with every field they had', async () => {
    const payload = { t: 'text-classification', m: 'a/b', d: 'wasm', q: 'q8', p: { top_k: 3 }, i: 'a v1 link' };
    const v1 = await encodeShare(payload, 1);
    expect(v1.startsWith('1.')).toBe(true);
    const decoded = await decodeShare(v1);
    expect(decoded.version).toBe(1);
    expect(decoded.payload).toEqual(payload);
  });

  it('carries a compare set in v2 and keeps it out of v1 (where it never existed)', async () => {
    const payload = { t: 'text-classification', c: [{ m: 'a/b' }, { m: 'c/d', q: 'q8', n: 1 }], k: 3 };
    expect(await decodeShare(await encodeShare(payload))).toEqual({ version: 2, payload });
    const v1 = (await decodeShare(await encodeShare(payload, 1))).payload as Record<string, unknown>;
    expect(v1.c).toBeUndefined();
    expect(v1.k).toBeUndefined();
  });

  it('compresses: a long repetitive text makes a much shorter link', async () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(100);
    const value = await encodeShare({ t: 'text-classification', i: text });
    expect(value.length).toBeLessThan(text.length / 10);
  });

  it('refuses unknown versions, missing versions, damage, truncation and oversize links with a reason', async () => {
    const good = await encodeShare({ t: 'text-classification', m: 'a/b', i: 'hello there, a sentence long enough to compress' });
    const cases: [string, RegExp][] = [
      ['9.abc', /version 9/],
      ['99999.abc', /format version 99999,/],
      [`${'7'.repeat(40)}.abc`, /format version 777777777777…,/],
      ['abc', /no version/],
      [`1.${good.slice(2, 10)}`, /damaged|cut short|readable/],
      [good.slice(0, good.length - 6), /damaged|cut short|readable/],
      ['1.!!<script>', /characters/],
      ['0.bm90IGpzb24', /readable/],
      [`0.${toBase64Url(new TextEncoder().encode('[1,2]'))}`, /not a shared demo/],
      [`1.${'A'.repeat(MAX_FRAGMENT_CHARS)}`, /too long/],
    ];
    for (const [value, reason] of cases) {
      const error = await decodeShare(value).catch((e: unknown) => e);
      expect(error, value.slice(0, 30)).toBeInstanceOf(ShareLinkError);
      expect((error as Error).message).toMatch(reason);
    }
  });

  it('stops a deflate bomb before it fills memory', async () => {
    const bomb = await encodeShare({ t: 'x', i: ' '.repeat(2_000_000) });
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    await expect(decodeShare(bomb)).rejects.toThrow(/far more data/);
  });

  it('finds the share value among other fragment parameters', () => {
    expect(shareParam('#s=1.abc')).toBe('1.abc');
    expect(shareParam('#x=1&s=0.zz')).toBe('0.zz');
    expect(shareParam('#nothing')).toBeUndefined();
    expect(shareParam('')).toBeUndefined();
  });

  it('base64url survives every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Array.from(fromBase64Url(toBase64Url(bytes)))).toEqual(Array.from(bytes));
  });
});
