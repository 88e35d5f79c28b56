// The browsers this suite drives over W3C WebDriver, each through its own driver from
// Debian or crates.io (scripts/setup.sh installs them): nothing is downloaded at test
// time. `ENGINE` picks one per run: firefox, webkit or chromium (chromium proves the
// suite itself against the engine the Playwright suite already covers).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Builder } from 'selenium-webdriver';

/** The first executable called `name` on PATH, else `fallback`. */
function onPath(name, fallback) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const file = path.join(dir, name);
    try { fs.accessSync(file, fs.constants.X_OK); return file; } catch { /* not here */ }
  }
  return fallback;
}

/** MiniBrowser lives in the multiarch library folder of libwebkit2gtk-4.1-0. */
function miniBrowser() {
  const lib = '/usr/lib';
  for (const dir of fs.existsSync(lib) ? fs.readdirSync(lib) : []) {
    const file = path.join(lib, dir, 'webkit2gtk-4.1/MiniBrowser');
    if (fs.existsSync(file)) return file;
  }
  return '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** How to start each engine's driver and what to ask it for. `downloads` is a fresh
 *  folder each engine is told to save real downloads into, without asking. */
const ENGINES = {
  firefox: {
    driver: process.env.GECKODRIVER || onPath('geckodriver', path.join(os.homedir(), '.cargo/bin/geckodriver')),
    args: (port) => ['--port', String(port), '--log', 'error'],
    capabilities: (downloads) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX || '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: {
          // Save every download into `downloads` without asking.
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.download.start_downloads_in_tmp_dir': false,
          'browser.download.alwaysOpenPanel': false,
          'browser.helperApps.neverAsk.saveToDisk': 'text/markdown,text/calendar,application/pdf',
          'pdfjs.disabled': true,
        },
      },
    }),
  },
  webkit: {
    driver: process.env.WEBKITWEBDRIVER || '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    // WebKitGTK saves downloads, unasked, into the XDG download folder: point it at ours
    // (and HOME too, so nothing lands in the real home folder).
    env: (downloads) => {
      const config = path.join(downloads, '.config');
      fs.mkdirSync(config);
      fs.writeFileSync(path.join(config, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
      return { HOME: downloads, XDG_CONFIG_HOME: config };
    },
    // MiniBrowser ships with libwebkit2gtk-4.1-0 (a dependency of webkit2gtk-driver). It
    // needs an X display: scripts/test.sh runs this engine under xvfb-run.
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER || miniBrowser(),
        args: ['--automation'],
      },
    }),
  },
  chromium: {
    driver: process.env.CHROMEDRIVER || '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: (downloads) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM || '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        prefs: { 'download.default_directory': downloads, 'download.prompt_for_download': false },
      },
    }),
  },
};

export const ENGINE = process.env.ENGINE || 'firefox';
if (!ENGINES[ENGINE]) throw new Error(`ENGINE=${ENGINE}: expected one of ${Object.keys(ENGINES).join(', ')}`);

/** A cold Firefox takes ~4 s to its first session here; a browser that cannot start
 *  (no display, a broken profile) makes some drivers wait for ever. */
const SESSION_TIMEOUT = 30_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls the driver's /status until it says ready; fails naming the driver and its output. */
async function driverReady(url, name, proc, output, timeout = 10_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`${name} exited with ${proc.exitCode} before it was ready:\n${output.join('')}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok && (await res.json()).value?.ready !== false) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} was not ready on ${url} within ${timeout} ms:\n${output.join('')}`);
}

/**
 * Starts the engine's driver and one browser session. Resolves to { driver, engine,
 * version, downloads, close() }. `close` ends the session and the driver process this
 * call started (by its own pid), and removes the downloads folder.
 */
export async function startBrowser() {
  const spec = ENGINES[ENGINE];
  if (ENGINE === 'webkit' && !process.env.DISPLAY) {
    throw new Error('webkit: no X display (DISPLAY is unset): run under xvfb-run, as scripts/test.sh does');
  }
  if (!fs.existsSync(spec.driver)) throw new Error(`${ENGINE}: driver ${spec.driver} is missing: run scripts/setup.sh`);
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), `cc-${ENGINE}-dl-`));
  const port = await freePort();
  const output = [];
  const env = { ...process.env, ...spec.env?.(downloads) };
  const proc = spawn(spec.driver, spec.args(port), { stdio: ['ignore', 'pipe', 'pipe'], env });
  proc.stdout.on('data', (d) => output.push(String(d)));
  proc.stderr.on('data', (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const stopDriver = () => { if (proc.exitCode === null) proc.kill('SIGTERM'); };
  let driver;
  try {
    await driverReady(url, path.basename(spec.driver), proc, output);
    const session = new Builder().usingServer(url).withCapabilities(spec.capabilities(downloads)).build();
    let timer;
    driver = await Promise.race([session, new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no browser session within ${SESSION_TIMEOUT / 1000} s`)), SESSION_TIMEOUT);
    })]).finally(() => clearTimeout(timer));
    await driver.manage().setTimeouts({ script: 15_000, pageLoad: 15_000, implicit: 0 });
    await driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
  } catch (e) {
    stopDriver();
    fs.rmSync(downloads, { recursive: true, force: true });
    throw new Error(`${ENGINE}: could not start a session: ${e.message}\n${output.join('').slice(-2000)}`);
  }
  const version = (await driver.getCapabilities()).get('browserVersion');
  return {
    driver, engine: ENGINE, version, downloads,
    async close() {
      await driver.quit().catch(() => {});
      stopDriver();
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}
