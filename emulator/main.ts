#!/usr/bin/env node
/**
 * Command line: `ts-node --transpile-only emulator/main.ts [--port N] [--host H] [--state FILE]
 * [--client-id X --client-secret Y]`, with env fallbacks PORT_EMULATOR_PORT, PORT_EMULATOR_STATE,
 * PORT_CLIENT_ID, PORT_CLIENT_SECRET. Prints exactly one line once ready, which other tools parse:
 * `Port emulator listening on http://127.0.0.1:<port>`.
 */
import { startEmulator, type EmulatorOptions } from "./server";

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): EmulatorOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    if (!["--port", "--host", "--state", "--client-id", "--client-secret"].includes(name)) {
      throw new Error(`Unknown argument ${argv[i]}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value`);
    flags.set(name, value);
  }
  const portText = flags.get("--port") ?? env.PORT_EMULATOR_PORT;
  const port = portText === undefined || portText === "" ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port ${portText}`);
  const clientId = flags.get("--client-id") ?? env.PORT_CLIENT_ID;
  const clientSecret = flags.get("--client-secret") ?? env.PORT_CLIENT_SECRET;
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    throw new Error("Give both --client-id and --client-secret (or PORT_CLIENT_ID and PORT_CLIENT_SECRET), or neither");
  }
  return {
    port,
    host: flags.get("--host"),
    stateFile: flags.get("--state") ?? (env.PORT_EMULATOR_STATE || undefined),
    credentials: clientId !== undefined ? [{ clientId, clientSecret: clientSecret as string }] : undefined,
  };
}

async function main(): Promise<void> {
  let options: EmulatorOptions;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`Port emulator: ${(err as Error).message}`);
    process.exit(2);
  }
  const emulator = await startEmulator(options);
  console.log(`Port emulator listening on ${emulator.url}`);
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err) => {
  console.error(`Port emulator failed to start: ${(err as Error).message}`);
  process.exit(1);
});
