// Real WebDAV servers on 127.0.0.1 for the sync tests: lighttpd + mod_webdav (honours preconditions) and
// nginx + dav-ext (ignores them), each from a generated config in a temp folder, on a free port, with
// basic auth whose password is not ASCII. Installed by scripts/ensure-deps.sh.

import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitForPort } from './ports';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ServerName = 'lighttpd' | 'nginx';

export const USERNAME = 'reader';
/** Latin-1, CJK and an astral character: `btoa` alone would throw on it. */
export const PASSWORD = 'pässwörd-安阅密码-🔐';

export interface WebDavServer {
  name: ServerName;
  /** WebDAV root URL, ending with '/'. */
  url: string;
  /** The folder served, for tests that look at or damage files directly. */
  root: string;
  stop(): Promise<void>;
}

const BINARIES: Record<ServerName, string> = { lighttpd: '/usr/sbin/lighttpd', nginx: '/usr/sbin/nginx' };
const NGINX_DAV_EXT = '/usr/lib/nginx/modules/ngx_http_dav_ext_module.so';
const LIGHTTPD_WEBDAV = '/usr/lib/lighttpd/mod_webdav.so';

/** Null when the server can run here, else what is missing (the tests skip with that message). */
export function missingServer(name: ServerName): string | null {
  if (!existsSync(BINARIES[name])) return `${BINARIES[name]} is not installed (run scripts/ensure-deps.sh)`;
  if (name === 'nginx' && !existsSync(NGINX_DAV_EXT)) return `${NGINX_DAV_EXT} is missing (Debian package libnginx-mod-http-dav-ext)`;
  if (name === 'lighttpd' && !existsSync(LIGHTTPD_WEBDAV)) return `${LIGHTTPD_WEBDAV} is missing (Debian package lighttpd-mod-webdav)`;
  return null;
}


function lighttpdConfig(dir: string, port: number): string {
  return `
server.document-root = "${dir}/root"
server.bind = "127.0.0.1"
server.port = ${port}
server.errorlog = "${dir}/error.log"
server.upload-dirs = ( "${dir}/upload" )
server.modules = ( "mod_auth", "mod_authn_file", "mod_webdav" )
# Without a catch-all type, GET answers carry no ETag.
mimetype.assign = ( "" => "application/octet-stream" )
webdav.activate = "enable"
webdav.is-readonly = "disable"
webdav.sqlite-db-name = "${dir}/webdav.sqlite"
auth.backend = "plain"
auth.backend.plain.userfile = "${dir}/users"
auth.require = ( "" => ( "method" => "basic", "realm" => "anyue", "require" => "valid-user" ) )
`;
}

function nginxConfig(dir: string, port: number): string {
  const asRoot = process.getuid?.() === 0 ? 'user root;' : '';
  return `
${asRoot}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
load_module ${NGINX_DAV_EXT};
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 200m;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/root;
    location / {
      auth_basic "anyue";
      auth_basic_user_file ${dir}/users;
      dav_methods PUT DELETE MKCOL COPY MOVE;
      dav_ext_methods PROPFIND OPTIONS;
      dav_access user:rw group:rw all:r;
    }
  }
}
`;
}

export async function startServer(name: ServerName): Promise<WebDavServer> {
  const dir = await mkdtemp(join(tmpdir(), `anyue-${name}-`));
  await mkdir(join(dir, 'root'));
  await mkdir(join(dir, 'upload'));
  const port = await freePort();
  let child: ChildProcess;
  if (name === 'lighttpd') {
    await writeFile(join(dir, 'users'), `${USERNAME}:${PASSWORD}\n`);
    await writeFile(join(dir, 'lighttpd.conf'), lighttpdConfig(dir, port));
    child = spawn(BINARIES.lighttpd, ['-D', '-f', join(dir, 'lighttpd.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    await writeFile(join(dir, 'users'), `${USERNAME}:{PLAIN}${PASSWORD}\n`);
    await writeFile(join(dir, 'nginx.conf'), nginxConfig(dir, port));
    child = spawn(BINARIES.nginx, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  }
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  await waitForPort(port, child, () => output, 'server', 10_000);
  return {
    name,
    url: `http://127.0.0.1:${port}/`,
    root: join(dir, 'root'),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
