import { PortClient } from "../../core/client/port-client";
import { createEntity } from "../../kinds/entity/client";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { PulumiStack } from "./pulumi-stack";

// What a user reads when a run fails: each problem once, no stack traces, no Node warnings.
jest.setTimeout(300_000);

const CLIENT_ID = "errors-client";
const CLIENT_SECRET = "errors-secret-55d1";

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe("A failing run's output", () => {
  let emulator: RunningEmulator;
  const stacks: PulumiStack[] = [];

  const stackWith = async (name: string, config: Record<string, string>) => {
    const stack = new PulumiStack("blueprints", name);
    stacks.push(stack);
    await stack.init({ "port:baseUrl": emulator.url, "port:clientId": CLIENT_ID, ...config }, { "port:clientSecret": CLIENT_SECRET });
    return stack;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, credentials: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
  });

  afterAll(async () => {
    for (const stack of stacks) stack.remove();
    await emulator?.close();
  });

  it("names each problem of a portal that fails its check once, without a PromiseRejectionHandledWarning", async () => {
    const stack = await stackWith("invalid-output", { variant: "invalid" });
    const preview = await stack.run(["preview"]);
    const output = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(occurrences(output, 'field schema.properties.port.type: "strng" is not a property type')).toBe(1);
    expect(output).not.toContain("PromiseRejectionHandledWarning");
  });

  it("prints a provider's refusal without repeating it as `Error: X: Error: X` and without a stack trace", async () => {
    const stack = await stackWith("refusal-output", { archive: "keep" });
    await stack.ok(["up", "--yes", "--skip-preview"]);
    await createEntity(new PortClient({ baseUrl: emulator.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }), "e2e_archive", { identifier: "old", title: "Old" });
    await stack.ok(["config", "set", "archive", "remove"]);
    const up = await stack.run(["up", "--yes", "--skip-preview"]);
    const output = up.stdout + up.stderr;
    const refusal = 'Blueprint "e2e_archive" still has 1 entity, which deleting it would lose.';
    expect(up.code).not.toBe(0);
    expect(output).toContain(refusal);
    expect(output).not.toContain(`before removing it.: Error: ${refusal}`);
    expect(output).not.toMatch(/^\s+at .+\.ts:\d+:\d+\)?$/m);
    const diagnostics = output.slice(output.indexOf("Diagnostics:"));
    expect(occurrences(diagnostics, refusal)).toBe(1);
  });
});
