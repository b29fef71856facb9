// A real HTTP server on 127.0.0.1 that misbehaves on purpose (answers without end, feeds that never move
// on…), for the sync tests of hostile or broken servers. Each test gives the handler; requests are counted.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface HostileServer {
  /** Root URL, ending with '/'. */
  url: string;
  /** Requests answered so far, as "METHOD /path?query". */
  requests: string[];
  stop(): Promise<void>;
}

export async function startHostileServer(handle: (request: IncomingMessage, response: ServerResponse, url: URL) => void): Promise<HostileServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    // The body is read (and dropped) so the client's upload never stalls.
    request.resume();
    request.once('end', () => handle(request, response, url));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `chunk` again and again until the client goes away (an answer without end). */
export function streamForever(response: ServerResponse, chunk: string): void {
  let open = true;
  response.once('close', () => (open = false));
  const pump = () => {
    while (open && response.write(chunk));
    if (open) response.once('drain', pump);
  };
  pump();
}
