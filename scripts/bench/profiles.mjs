// @ts-check
/**
 * Browser profiles for the bench's columns. Each case's app and bare page get a fresh profile on disk, as a user's
 * browser has: a non-persistent context keeps Cache Storage in memory with a small limit, so Chromium refused to
 * cache the 538 MB fp32 decoder there ("Unexpected internal error"), and the "load from the cache" was a second
 * download. A profile lives in a temporary folder that goes when its context closes; `closeAll` closes what an
 * error left open.
 */
import { mkdtempSync, promises as fsp, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';

/** @param {{ executablePath: string, args: string[] }} launch */
export function profiles(launch) {
  /** @type {Set<import('playwright').BrowserContext>} */
  const open = new Set();
  /** @type {Set<Promise<void>>} */
  const removing = new Set();
  return {
    /** A new browser with an empty profile on disk. @returns {Promise<import('playwright').BrowserContext>} */
    async newContext() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
      const context = await chromium.launchPersistentContext(dir, { ...launch, headless: true }).catch((error) => {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      });
      open.add(context);
      context.on('close', () => {
        open.delete(context);
        // The browser may still be writing its profile as it exits: retried until the folder is gone.
        const removal = fsp.rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 }).catch(() => undefined);
        removing.add(removal);
        void removal.then(() => removing.delete(removal));
      });
      return context;
    },
    async closeAll() {
      await Promise.all([...open].map((context) => context.close().catch(() => undefined)));
      await Promise.all([...removing]);
    },
  };
}
