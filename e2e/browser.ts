import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium, installed by `.ci/run` (`apt-get install -y chromium`). */
export const CHROMIUM = process.env.TOOLGATE_CHROMIUM ?? '/usr/bin/chromium';

/** Where browser tests leave their screenshots (git-ignored). */
export const SCREENSHOTS = join(process.cwd(), 'artifacts', 'screenshots');

/** The two widths every page must read well at. */
export const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * Whether a browser is there to drive. Outside CI a missing chromium skips the browser tests with
 * a note; under CI=true it is an error (`.ci/run` installs it).
 */
export async function chromiumAvailable(): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  try {
    await access(CHROMIUM);
    return true;
  } catch {
    if (process.env.CI === 'true')
      throw new Error(`CI needs chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    console.warn(`chromium is not installed at ${CHROMIUM}: the browser tests are skipped`);
    return false;
  }
}

/** Headless chromium with a fresh profile and no background traffic; close() removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'toolgate-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
