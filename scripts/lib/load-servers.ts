import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { bin } from './run';

// `next start` processes for the load benchmark: loopback only, their own process group so they can be ended by
// id, their output kept (last lines) for an error message instead of mixed into the benchmark's JSON.

export interface Server {
  port: number;
  url: string;
  child: ChildProcess;
  log: () => string;
}

/** A port nobody listens on now (the OS picks it on 127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const running = new Set<Server>();

export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(bin('next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const server: Server = { port, url: `http://127.0.0.1:${port}`, child, log: () => tail };
  running.add(server);
  await waitFor(server, 60_000);
  return server;
}

async function waitFor(server: Server, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`next start exited with ${server.child.exitCode}:\n${server.log()}`);
    try {
      const res = await fetch(`${server.url}/`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`next start on port ${server.port} did not answer within ${timeoutMs / 1000} s:\n${server.log()}`);
}

export async function stopServer(server: Server): Promise<void> {
  running.delete(server);
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map(stopServer));
}

/** For exit paths that cannot wait (a signal, a hard timeout). */
export function killAllServersNow(): void {
  for (const s of running) {
    try {
      if (s.child.pid !== undefined) process.kill(-s.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}
