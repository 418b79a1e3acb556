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
