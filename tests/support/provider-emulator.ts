import { PortClient } from "../../core/client/port-client";
import { EmulatorOptions, RunningEmulator, startEmulator } from "../../emulator/server";

/** The credentials of the provider tests' emulator org. */
export const credentials = { clientId: "provider-test", clientSecret: "provider-test-secret" };

/**
 * One emulator per provider test file, over real HTTP, emptied (no faults, fresh stats) before
 * each test, and a client whose retries wait milliseconds, not seconds. `ready` receives both.
 */
export function useProviderEmulator(ready: (emulator: RunningEmulator, client: PortClient) => void, options: EmulatorOptions = {}): void {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [credentials], ...options });
    ready(emulator, new PortClient({ baseUrl: emulator.url, ...credentials, baseDelayMs: 5, maxDelayMs: 50 }));
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    emulator.clearFaults();
    emulator.resetStats();
  });
}
