// The browser the tests (and the benchmark) drive. Found in this order, first hit wins:
//   1. CHROMIUM_PATH
//   2. a Chromium that Playwright installed (`npx playwright install chromium`)
//   3. the system's Chromium or Chrome (Linux and macOS paths, then the PATH)
//   4. only on Debian or Ubuntu as root: `apt-get install -y chromium`
// Otherwise one message naming the command to run. `CHROMIUM` is the path found (a live binding: ensureChromium()
// may set it after an install); `CHROMIUM_PATH` is set for child processes so they use the same one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { homedir, platform } from 'node:os';
import { delimiter, join } from 'node:path';

const executable = (path) => Boolean(path) && existsSync(path);

/** Playwright's own record of where its Chromium goes, then its cache folders (older layouts included). */
function playwrightChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const path = chromium.executablePath();
    if (executable(path)) return path;
  } catch {
    // playwright-core missing or its registry changed: look in the cache folders below.
  }
  const caches = [
    process.env.PLAYWRIGHT_BROWSERS_PATH,
    join(homedir(), '.cache/ms-playwright'),
    join(homedir(), 'Library/Caches/ms-playwright'),
  ].filter((dir) => dir && existsSync(dir));
  const inside = [
    'chrome-linux/chrome',
    'chrome-linux64/chrome',
    'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
    'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  ];
  for (const cache of caches) {
    const builds = readdirSync(cache).filter((d) => /^chromium-\d+$/.test(d)).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    for (const build of builds) {
      for (const rel of inside) if (executable(join(cache, build, rel))) return join(cache, build, rel);
    }
  }
  return undefined;
}

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function systemChromium() {
  const fixed = platform() === 'darwin'
    ? ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']
        .flatMap((app) => [app, join(homedir(), app)])
    : SYSTEM_NAMES.map((name) => `/usr/bin/${name}`).concat('/snap/bin/chromium');
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => SYSTEM_NAMES.map((name) => join(dir, name)));
  return [...fixed, ...onPath].find(executable);
}

function find() {
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, how: 'CHROMIUM_PATH' };
  const fromPlaywright = playwrightChromium();
  if (fromPlaywright) return { path: fromPlaywright, how: "Playwright's Chromium" };
  const fromSystem = systemChromium();
  if (fromSystem) return { path: fromSystem, how: "the system's browser" };
  return undefined;
}

const found = find();
export let CHROMIUM = found?.path;

function debianRoot() {
  if (platform() !== 'linux' || process.getuid?.() !== 0 || !existsSync('/etc/os-release')) return false;
  const release = readFileSync('/etc/os-release', 'utf8');
  return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(release);
}

const HOW_TO =
  'No Chromium or Chrome found for the browser tests. Install one with\n' +
  '    npx playwright install chromium\n' +
  'or set CHROMIUM_PATH=/path/to/chromium (any Chromium or Chrome), then run the command again.';

/** Finds the browser (installing Debian's chromium only on Debian or Ubuntu as root), says which, returns its path. */
export function ensureChromium() {
  let how = found?.how;
  if (!CHROMIUM && debianRoot()) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get install -y chromium)");
    execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', { stdio: 'inherit' });
    CHROMIUM = systemChromium();
    how = "Debian's chromium, just installed";
  }
  if (!CHROMIUM || !existsSync(CHROMIUM)) {
    throw new Error(CHROMIUM ? `CHROMIUM_PATH=${CHROMIUM} does not exist.\n${HOW_TO}` : HOW_TO);
  }
  console.log(`Browser: ${CHROMIUM} (${how})`);
  process.env.CHROMIUM_PATH = CHROMIUM;
  return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureChromium();
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
