/**
 * Entry point of `npm start` (`node dist/src/main.js`, the Docker image's PID 1): the whole
 * service (see src/wiring/service.ts).
 *
 * Loading the service's modules takes a moment; a SIGTERM or SIGINT arriving meanwhile (a
 * `docker stop` right after start, Ctrl-C) ends the process at once, with nothing opened yet to
 * drain — as PID 1, node would otherwise ignore SIGTERM until the service's own handlers exist.
 */
const stopNow = () => process.exit(0);
process.once('SIGTERM', stopNow);
process.once('SIGINT', stopNow);
const { startService } = await import('./wiring/service.js');
process.off('SIGTERM', stopNow);
process.off('SIGINT', stopNow);
// startService installs its own handlers synchronously, before it opens anything.
void startService();
