import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { serverCommand, serverEnv } from './server-env';

// Production server processes (scripts/server.ts) for the load benchmark: loopback only, their own process group so they can be ended by
// id, their output kept (last lines) for an error message instead of mixed into the benchmark's JSON.

export interface Server {
  port: number;
  url: string;
  child: ChildProcess;
  log: () => string;
}

/** A port nobody listens on now (the OS picks it on 127.0.0.1). */
function freePort(): Promise<number> {
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

export interface StartOptions {
  /** Listen on this port (default: one the OS picks). */
  port?: number;
  /** How often to ask whether it answers yet (default 200 ms). */
  pollMs?: number;
  /** What to GET to see whether it answers (default /); any status below 500 counts. */
  probePath?: string;
}

/**
 * The production server (scripts/server.ts) spawned directly as one Node process, so `child.pid` is the server
 * process: `ps` shows it as `goalpost-server`. Resolves once GET / (or probePath)
 * answers below 500.
 */
export async function startServer(env: Record<string, string>, opts: StartOptions = {}): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const { cmd, args } = serverCommand(port, '127.0.0.1');
  const child = spawn(cmd, args, {
    env: serverEnv({ ...process.env, ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) }),
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
  await waitFor(server, 60_000, opts.pollMs ?? 200, opts.probePath ?? '/');
  return server;
}

async function waitFor(server: Server, timeoutMs: number, pollMs: number, probePath: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`The server exited with ${server.child.exitCode}:\n${server.log()}`);
    try {
      const res = await fetch(`${server.url}${probePath}`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`The server on port ${server.port} did not answer within ${timeoutMs / 1000} s:\n${server.log()}`);
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

/**
 * True when the process `pid` holds the socket listening on 127.0.0.1:`port` (Linux /proc): proof that the pid we
 * are about to kill is the server itself, not a wrapper around it. Null where /proc cannot tell (not Linux).
 */
export function ownsListenSocket(pid: number, port: number): boolean | null {
  let inodes: Set<string>;
  try {
    inodes = new Set<string>();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!fs.existsSync(table)) continue;
      for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        // local_address is HEXIP:HEXPORT, st 0A is LISTEN, inode is the 10th field.
        if (f.length > 9 && f[3] === '0A' && parseInt(f[1]!.split(':')[1]!, 16) === port) inodes.add(f[9]!);
      }
    }
    if (inodes.size === 0) return false;
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      let target = '';
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue; // closed meanwhile
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1]!)) return true;
    }
    return false;
  } catch {
    return null;
  }
}

/** The process's command line as /proc shows it (`goalpost-server`, which the server sets); null where unavailable. */
export function processTitle(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
  } catch {
    return null;
  }
}

/**
 * kill -9 of the server process itself (its pid, not its process group), like a crash or the OOM killer: no
 * shutdown handler runs. Resolves with how the process ended, as Node saw it (signal 'SIGKILL' expected).
 */
export async function sigkillServer(server: Server): Promise<{ pid: number; signal: string | null; code: number | null }> {
  running.delete(server);
  const { child } = server;
  const pid = child.pid!;
  if (child.exitCode !== null || child.signalCode !== null) return { pid, signal: child.signalCode, code: child.exitCode };
  const exited = new Promise<{ signal: string | null; code: number | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  process.kill(pid, 'SIGKILL');
  const how = await exited;
  // Anything it spawned (scripts/server.ts starts none, but to be sure) goes too.
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // no group left
  }
  return { pid, ...how };
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
