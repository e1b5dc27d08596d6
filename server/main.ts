// The relay process: `npm run relay` (or `npm start`, which builds the app first). Configuration
// from environment variables (docs/relay-api.md). Prints one machine-readable line when it
// listens, `AAN_TAFEL_RELAY_LISTENING port=<port>`, which tests and scripts wait for.

import { networkInterfaces } from 'node:os';
import { addressLines, reachableAddresses } from './addresses';
import { ConfigError, loadConfig } from './config';
import { consoleLog } from './log';
import { startRelay } from './relay';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const relay = await startRelay(config, consoleLog);
  const { publicUrl, dataDir } = relay.context.config;
  consoleLog.info(`Aan Tafel relay listening on ${config.host}:${relay.port}, open ${publicUrl} (data: ${dataDir})`);
  for (const line of addressLines(reachableAddresses(networkInterfaces(), config.host, relay.port, publicUrl))) console.log(line);
  console.log(`AAN_TAFEL_RELAY_LISTENING port=${relay.port}`);

  const shutdown = (signal: string) => {
    consoleLog.info(`${signal}: stopping`);
    relay.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        consoleLog.error('stopping failed', e);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

// A bug must not take every tafel down with it: log it and keep serving. Storage stays
// consistent because every change is one transaction.
process.on('uncaughtException', (e) => consoleLog.error('uncaught exception', e));
// When whoever reads the log goes away (a closed pipe), writing to it fails. Without these
// handlers each failed write was an uncaught error, logged, failing again: a relay spinning on
// its own log, deaf to SIGTERM. It goes on without a log instead.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
process.on('unhandledRejection', (e) => consoleLog.error('unhandled rejection', e));

main().catch((e: unknown) => {
  consoleLog.error('relay failed to start', e);
  process.exit(1);
});
