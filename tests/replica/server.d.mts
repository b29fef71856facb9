import type { Server } from 'node:http';
export function createReplicaServer(): Server;
export function startReplica(port?: number): Promise<{ server: Server; port: number }>;
