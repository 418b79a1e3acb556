/** A CPU profile of one phase of a benchmark (`BENCH_PROFILE=<file.cpuprofile>`), via the inspector. */
export async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const inspector = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** CPU time of this process and of the PostgreSQL server's processes (Linux: /proc) over a phase. */
export interface CpuSpent {
  /** This process, user + system, in ms. */
  nodeMs: number;
  /** Of which in the kernel (system calls: sockets), in ms. */
  nodeSystemMs: number;
  /**
   * Every process named `postgres…` on this machine (other work's too), user + system, in ms
   * (NaN off Linux).
   */
  postgresMs: number;
}

/** Starts measuring; `stop()` returns the CPU spent since. */
export async function startCpuMeter(): Promise<{ stop(): Promise<CpuSpent> }> {
  const { readdir, readFile } = await import('node:fs/promises');
  /** CPU of each process named `postgres…`, in ms by pid (null off Linux). */
  const postgresByPid = async (): Promise<Map<string, number> | null> => {
    let dirs: string[];
    try {
      dirs = await readdir('/proc');
    } catch {
      return null;
    }
    const byPid = new Map<string, number>();
    for (const d of dirs) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const s = await readFile(`/proc/${d}/stat`, 'utf8');
        if (!s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')).startsWith('postgres')) continue;
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        byPid.set(d, (Number(f[11]) + Number(f[12])) * 10); // utime + stime, clock ticks of 10 ms
      } catch {
        // the process ended meanwhile
      }
    }
    return byPid;
  };
  // Per process: one that ended during the phase is left out, one that started counts whole.
  const pg0 = await postgresByPid();
  const me0 = process.cpuUsage();
  const postgresMs = async (): Promise<number> => {
    const pg1 = await postgresByPid();
    if (!pg0 || !pg1) return Number.NaN;
    let ms = 0;
    for (const [pid, t] of pg1) ms += t - (pg0.get(pid) ?? 0);
    return ms;
  };
  return {
    async stop() {
      const me = process.cpuUsage(me0);
      return {
        nodeMs: (me.user + me.system) / 1000,
        nodeSystemMs: me.system / 1000,
        postgresMs: await postgresMs(),
      };
    },
  };
}
