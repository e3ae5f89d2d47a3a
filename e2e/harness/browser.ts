import { type Browser, chromium } from 'playwright-core';

/** Flags Debian's Chromium needs to run headless as root in a container without reaching the network. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * Frames drawn as soon as the page is ready for the next, not at 60 Hz: the interval between two animation frames is
 * then what the frame cost, which the benchmarks measure (locked to vsync, an idle page already shows 16.7 ms).
 */
const unlockedFrameArgs = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

/** Launches the system Chromium headless (no browser download is possible here); benchmarks unlock the frame rate. */
export function launchChromium(options: { unlockedFrames?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: options.unlockedFrames ? [...chromiumArgs, ...unlockedFrameArgs] : chromiumArgs,
  });
}
