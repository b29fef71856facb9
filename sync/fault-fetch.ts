// A fetch wrapper that misbehaves on purpose, from a seed: requests dropped before they leave, answers
// lost after the server applied the request, uploads cut short, and simulated service-worker kills. Sync
// must survive all of it; tests and the bench use it against real servers.

import type { Random } from './random';

export interface FaultRates {
  /** The request never reaches the server. */
  drop: number;
  /** The server applies the request, the answer never arrives. */
  loseResponse: number;
  /** A PUT body is cut short on the way (the server may store the stub), then the connection fails. */
  truncate: number;
  /** The worker is killed: before sending, or after the server applied the request. */
  kill: number;
}

export const NO_FAULTS: FaultRates = { drop: 0, loseResponse: 0, truncate: 0, kill: 0 };

/** Thrown where the browser would have stopped the service worker; nothing after it may run. */
export class SimulatedKill extends Error {
  constructor() {
    super('service worker killed (simulated)');
    this.name = 'SimulatedKill';
  }
}

export interface FaultyFetch {
  fetch: typeof fetch;
  rates: FaultRates;
  /** Counts of each fault injected, and requests passed through. */
  injected: Record<keyof FaultRates | 'passed', number>;
}

export function faultyFetch(inner: typeof fetch, random: Random, rates: FaultRates): FaultyFetch {
  const injected = { drop: 0, loseResponse: 0, truncate: 0, kill: 0, passed: 0 };
  const state: FaultyFetch = {
    rates,
    injected,
    async fetch(input, init) {
      const r = state.rates;
      if (random.chance(r.kill)) {
        injected.kill += 1;
        if (random.chance(0.5)) throw new SimulatedKill();
        const response = await inner(input, init);
        await response.arrayBuffer();
        throw new SimulatedKill();
      }
      if (random.chance(r.drop)) {
        injected.drop += 1;
        throw new TypeError('fetch failed (injected: request dropped)');
      }
      const body = init?.body;
      if (typeof body === 'string' && body.length > 1 && init?.method === 'PUT' && random.chance(r.truncate)) {
        injected.truncate += 1;
        const cut = body.slice(0, 1 + random.below(body.length - 1));
        const response = await inner(input, { ...init, body: cut });
        await response.arrayBuffer();
        throw new TypeError('fetch failed (injected: upload cut short)');
      }
      const response = await inner(input, init);
      if (random.chance(r.loseResponse)) {
        injected.loseResponse += 1;
        await response.arrayBuffer();
        throw new TypeError('fetch failed (injected: response lost)');
      }
      injected.passed += 1;
      return response;
    },
  };
  return state;
}
