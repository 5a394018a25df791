import type { PortClient } from "../../core/client/port-client";
import { createBlueprint } from "../../kinds/blueprint/client";
import { createEntity } from "../../kinds/entity/client";
import { createAction, runAction } from "../../kinds/action/client";
import { destructiveSteps, orgContentsOf, refusalMessage } from "../../review/destructive-steps";
import { PreviewDigest, digestFromEventLog } from "../../review/preview-digest";
import { summarizePreview } from "../../review/preview-summary";
import { useProviderEmulator } from "../support/provider-emulator";

const urn = (kind: string, name: string) => `urn:pulumi:dev::port-portal::portal:index:${kind}$pulumi-nodejs:dynamic/port:${kind}::${name}`;

/** A delete step as the engine lists it: the object's last outputs. */
const deleting = (kind: string, name: string, outputs: Record<string, unknown>) => ({ op: "delete", urn: urn(kind, name), oldState: { outputs } });

describe("destructiveSteps, counted in an org over HTTP", () => {
  let client: PortClient;
  useProviderEmulator((_emulator, c) => (client = c));

  beforeEach(async () => {
    await createBlueprint(client, { identifier: "repository", title: "Repository", schema: { properties: {}, required: [] } } as any);
    for (const identifier of ["api", "web", "docs"]) await createEntity(client, "repository", { identifier, title: identifier });
  });

  it("refuses a blueprint delete that would take entities the same run does not delete, with the count and the fix", async () => {
    const digest: PreviewDigest = {
      steps: [deleting("Entity", "sample-api", { blueprint: "repository", identifier: "api" }), deleting("Blueprint", "repository", { identifier: "repository" })],
    };
    const found = await destructiveSteps(digest, orgContentsOf(client));
    expect(found).toEqual([
      {
        line: "deletes blueprint `repository` and its 2 entities",
        refusal:
          'Blueprint "repository" still has 2 entities, which deleting it would lose. Delete them first, or set allowDataLoss: { deleteWithEntities: true } on the Blueprint (and apply that) before removing it.',
      },
    ]);
    expect(refusalMessage(found)).toMatch(
      /^This run would destroy data in Port that the code does not allow it to; nothing was applied:\n {2}- Blueprint "repository" still has 2 entities/,
    );
  });

  it("lists the loss without refusing it when the blueprint's applied state allows deleting it with its entities", async () => {
    const digest: PreviewDigest = { steps: [deleting("Blueprint", "repository", { identifier: "repository", __allowDataLoss: { deleteWithEntities: true } })] };
    const found = await destructiveSteps(digest, orgContentsOf(client));
    expect(found).toEqual([{ line: "deletes blueprint `repository` and its 3 entities", refusal: undefined }]);
    expect(refusalMessage(found)).toBeUndefined();
  });

  it("finds nothing when the run deletes every entity itself, or the blueprint is already gone from Port", async () => {
    const entities = ["api", "web", "docs"].map((identifier) => deleting("Entity", identifier, { blueprint: "repository", identifier }));
    expect(await destructiveSteps({ steps: [...entities, deleting("Blueprint", "repository", { identifier: "repository" })] }, orgContentsOf(client))).toEqual([]);
    expect(await destructiveSteps({ steps: [deleting("Blueprint", "gone", { identifier: "gone" })] }, orgContentsOf(client))).toEqual([]);
  });

  it("refuses deleting an action with a run in progress unless its applied state allows it", async () => {
    const action = {
      identifier: "deploy",
      trigger: { type: "self-service", operation: "DAY-2", blueprintIdentifier: "repository", userInputs: { properties: {}, required: [] } },
      invocationMethod: { type: "WEBHOOK", url: "https://deploy.example.com" },
    };
    await createAction(client, action);
    await runAction(client, "deploy", { properties: {}, entity: "api" });
    const refused = await destructiveSteps({ steps: [deleting("Action", "deploy", action)] }, orgContentsOf(client));
    expect(refused).toEqual([{ line: "deletes action `deploy` with 1 run in progress", refusal: expect.stringMatching(/^Action "deploy" has 1 run in progress/) }]);
    const allowed = await destructiveSteps({ steps: [deleting("Action", "deploy", { ...action, __allowDataLoss: { deleteWithRunsInProgress: true } })] }, orgContentsOf(client));
    expect(allowed).toEqual([{ line: "deletes action `deploy` with 1 run in progress", refusal: undefined }]);
  });

  it("puts the loss first in the pull-request summary, marked refused", async () => {
    const digest: PreviewDigest = { steps: [deleting("Blueprint", "repository", { identifier: "repository" })] };
    const summary = summarizePreview("dev", digest, await destructiveSteps(digest, orgContentsOf(client)));
    expect(summary).toContain(
      [
        "**Destroys data**",
        "",
        '- deletes blueprint `repository` and its 3 entities: **refused**. Blueprint "repository" still has 3 entities, which deleting it would lose.',
      ].join("\n"),
    );
    expect(summary.indexOf("**Destroys data**")).toBeLessThan(summary.indexOf("**Destructive**"));
  });
});

describe("digestFromEventLog", () => {
  it("reads the steps of an engine event log as a JSON preview lists them", () => {
    const log = [
      JSON.stringify({ sequence: 0, timestamp: 1, preludeEvent: { config: {} } }),
      JSON.stringify({
        sequence: 1,
        timestamp: 1,
        resourcePreEvent: { metadata: { op: "delete", urn: urn("Blueprint", "repository"), old: { outputs: { identifier: "repository" } }, new: null } },
      }),
      "",
    ].join("\n");
    expect(digestFromEventLog(log)).toEqual({
      steps: [{ op: "delete", urn: urn("Blueprint", "repository"), oldState: { outputs: { identifier: "repository" } }, newState: undefined }],
    });
  });
});
