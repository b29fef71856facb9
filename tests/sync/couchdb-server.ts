// A real CouchDB-API server on 127.0.0.1 for the CouchDB sync tests: PouchDB Server, in memory, on a free
// port, from a temp working folder (it writes config.json and log.txt where it runs), with an admin whose
// password is not ASCII.
//
// It is not a project dependency: its 260-odd packages would make every `npm ci` four times slower and
// bring optional native modules (leveldown, sqlite3) that only `--omit=optional` keeps out, a flag the
// project cannot set globally (esbuild's and rolldown's platform binaries are optional dependencies too).
// So the first test run installs it, pinned by the lock file in couchdb-server-install/, with
// `npm ci --omit=optional --ignore-scripts` from the npm registry into a cache folder outside the checkout
// (~/.cache/anyue, or $ANYUE_TEST_CACHE), keyed by the lock file's hash; later runs reuse it.
//
// Weak on authentication (see the CouchDB sync tests): never a place to test security.

import { spawn } from 'node:child_process';
import { freePort, waitForPort } from './ports';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const COUCH_USERNAME = 'reader';
/** Latin-1, CJK and an astral character: `btoa` alone would throw on it. */
export const COUCH_PASSWORD = 'pässwörd-安阅密码-🔐';

export interface CouchServer {
  /** Server root URL, ending with '/'. */
  url: string;
  /** Stops the server and removes its working folder. */
  stop(): Promise<void>;
}

const INSTALL_SPEC = join(dirname(fileURLToPath(import.meta.url)), 'couchdb-server-install');
const SCRIPT = ['node_modules', 'pouchdb-server', 'bin', 'pouchdb-server'];

function cacheRoot(): string {
  return process.env.ANYUE_TEST_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'anyue');
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-3_000)}`));
    });
  });
}

/** The folder holding an installed pouchdb-server, installing it first when this lock file has not been. */
export async function ensurePouchDbServer(): Promise<string> {
  const lock = await readFile(join(INSTALL_SPEC, 'package-lock.json'));
  const folder = join(cacheRoot(), `pouchdb-server-${createHash('sha256').update(lock).digest('hex').slice(0, 16)}`);
  if (existsSync(join(folder, ...SCRIPT))) return folder;
  await mkdir(cacheRoot(), { recursive: true });
  // Installed aside and renamed into place, so a run killed mid-install, or two test files installing at
  // once, never leave a half-installed folder that looks complete.
  const staging = await mkdtemp(join(cacheRoot(), 'pouchdb-server-staging-'));
  try {
    await copyFile(join(INSTALL_SPEC, 'package.json'), join(staging, 'package.json'));
    await copyFile(join(INSTALL_SPEC, 'package-lock.json'), join(staging, 'package-lock.json'));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    await run(npm, ['ci', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], staging, 300_000);
    await rename(staging, folder).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(join(folder, ...SCRIPT))) throw error; // another process won the race: use its copy
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return folder;
}


export async function startCouchServer(): Promise<CouchServer> {
  const installed = await ensurePouchDbServer();
  const cwd = await mkdtemp(join(tmpdir(), 'anyue-pouchdb-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(installed, ...SCRIPT), '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(cwd, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, () => output, 'pouchdb-server', 20_000);
    // The server starts open to all ("admin party"); the first admin ends that and is the test account.
    const reply = await fetch(`${url}_config/admins/${COUCH_USERNAME}`, { method: 'PUT', body: JSON.stringify(COUCH_PASSWORD) });
    if (!reply.ok) throw new Error(`could not create the admin (${reply.status}): ${await reply.text()}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
