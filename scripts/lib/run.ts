import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

export const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);

/** Runs a command, streaming its output; throws with the command line if it fails. */
export function run(cmd: string, args: string[], opts: SpawnOptions = {}): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} exited with ${r.status ?? r.signal}`);
}

export function runQuiet(cmd: string, args: string[], opts: SpawnOptions = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} failed:\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.stdout ?? '';
}

export function runAsync(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
