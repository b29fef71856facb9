// One HTTP request as both sync backends make it: counted (requests, bytes both ways), retried with
// exponential back-off after a network error or a passing server failure, and a network failure turned into
// a SyncError the reader can act on. What a status means is each backend's own business.

import type { Traffic } from './backend';
import { SyncError } from './errors';

export interface Reply {
  status: number;
  text: string;
  headers: Headers;
}

export interface RetryOptions {
  /** Defaults to the global fetch; tests pass a fault-injecting wrapper. */
  fetch?: typeof fetch;
  /** Extra attempts after a network error or a passing server failure. Default 2. */
  retries?: number;
  /** First retry delay, doubled each time. Default 1 000 ms. */
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Largest answer body read, in bytes; a longer one is cut off while it streams in. Default MAX_REPLY_BYTES. */
  maxReplyBytes?: number;
}

/**
 * Larger than anything 安阅 writes (segments are a few hundred kilobytes, a snapshot of 200k annotations
 * stays below it), small enough that a server streaming without end cannot exhaust the worker's memory.
 */
export const MAX_REPLY_BYTES = 96 * 1024 * 1024;

/**
 * The body as text, read chunk by chunk and abandoned as soon as it passes `maxBytes` (a declared
 * Content-Length past it is refused before reading): a hostile or broken server cannot make the worker
 * hold an unbounded answer in memory.
 */
export async function readCapped(response: Response, maxBytes: number, what: string): Promise<string> {
  const tooLarge = () =>
    new SyncError('too-large', `The server's answer while ${what} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; 安阅 stopped reading it and changed nothing.`, {
      status: response.status,
      count: Math.max(1, Math.round(maxBytes / 1024 / 1024)),
    });
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** The server's address as a URL, or a config error the reader can fix. */
export function serverUrl(address: string): URL {
  let base: URL;
  try {
    base = new URL(address);
  } catch {
    throw new SyncError('config', `The server address "${address}" is not a URL.`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new SyncError('config', 'The server address must start with https:// (or http://).');
  return base;
}

export const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export interface Requester {
  readonly traffic: Traffic;
  /** The reply to `init` at `url`; `what` names the step in error messages ("while reading the sync folder"). */
  request(url: string, init: RequestInit & { body?: string }, what: string): Promise<Reply>;
}

/** `passing`: the server failures worth trying again (a gateway hiccup, not a refusal or a rate limit). */
export function createRequester(options: RetryOptions, passing: (reply: Reply) => boolean): Requester {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 1_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxReplyBytes = options.maxReplyBytes ?? MAX_REPLY_BYTES;
  const traffic: Traffic = { requests: 0, bytes: 0 };

  async function request(url: string, init: RequestInit & { body?: string }, what: string): Promise<Reply> {
    for (let attempt = 0; ; attempt++) {
      let reply: Reply;
      try {
        traffic.requests += 1;
        if (init.body) traffic.bytes += utf8Length(init.body);
        const response = await doFetch(url, init);
        const text = await readCapped(response, maxReplyBytes, what);
        traffic.bytes += utf8Length(text);
        reply = { status: response.status, text, headers: response.headers };
      } catch (error) {
        // fetch signals a network failure (also one mid-body) with a TypeError; anything else is not ours to retry.
        if (!(error instanceof TypeError)) throw error;
        if (attempt < retries) {
          await sleep(retryDelayMs * 2 ** attempt);
          continue;
        }
        throw new SyncError('network', `No answer from the server while ${what}: check the address and the connection.`, { cause: error });
      }
      if (passing(reply) && attempt < retries) {
        await sleep(retryDelayMs * 2 ** attempt);
        continue;
      }
      return reply;
    }
  }

  return { traffic, request };
}
