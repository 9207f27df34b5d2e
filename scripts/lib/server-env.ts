// Environment for the production server process (scripts/server.ts), shared by `npm start` and the servers the tests and benchmarks start.
//
// Password hashing (scrypt, 16 MiB a hash) runs on worker threads (lib/auth/hash-workers.ts). With glibc's default, the first
// 16 MiB buffer freed raises the threshold above which memory is mapped on its own, so every later buffer comes from
// that thread's malloc arena and stays there: up to four buffers (64 MiB) kept for good after a burst of sign-ins.
// A fixed threshold maps such buffers and returns them on free (measured: 113 MB resident after a burst, 47 MB with
// it). Ignored where the C library is not glibc.
const SERVER_MALLOC_ENV = { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072' } as const;

/** `env` plus the settings above, unless the operator set GLIBC_TUNABLES already. */
export function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env.GLIBC_TUNABLES ? env : { ...env, ...SERVER_MALLOC_ENV };
}

/**
 * The command that runs the production server (scripts/server.ts: Next's handler plus the stored reading pages) as
 * one Node process, so the spawned child's pid is the server's own.
 */
export function serverCommand(port: number | string, hostname?: string): { cmd: string; args: string[] } {
  return {
    cmd: process.execPath,
    args: ['--import', 'tsx', 'scripts/server.ts', '-p', String(port), ...(hostname ? ['-H', hostname] : [])],
  };
}
