import { Components, declared, recordRegistrations } from "../support/pulumi-mocks";

// The guide's actions and automations are valid Port documents whose JQ all compiles:
// built under Pulumi's mocks, then put through the Action provider's own check.
const registered = recordRegistrations();

let components: Components;
let dataModel: typeof import("../../stacks/data-model").dataModel;
let guide: typeof import("../../guide/actions");
let automations: typeof import("../../guide/automations");
let actionLogic: typeof import("../../kinds/action/provider").actionLogic;

beforeAll(async () => {
  components = await import("../../kinds");
  ({ dataModel } = await import("../../stacks/data-model"));
  guide = await import("../../guide/actions");
  automations = await import("../../guide/automations");
  ({ actionLogic } = await import("../../kinds/action/provider"));
});

describe("The guide's actions and automations", () => {
  it("declare cleanly on the default data model and pass the provider's check, JQ included", async () => {
    // Resolves only when the portal check passes.
    const created = await declared(components, () => {
      // The default portal's blueprints: every property the examples read or write is declared there.
      const { environment, service, incident } = dataModel();
      return [
        guide.scaffoldService(service, { org: "acme", repo: "templates" }),
        guide.requestCloudResource({ service, environment }, "https://provisioner.example.com", "https://hooks.slack.com/services/x"),
        guide.reportIncident({ service, incident }),
        automations.notifyServiceChanges(service, "https://hooks.slack.com/services/y"),
        automations.incidentOnDegradedHealth({ service, incident }),
      ];
    });
    await Promise.all(created.map((c) => new Promise((resolve) => c.identifier.apply(resolve))));

    const documents = registered.filter((r) => r.type === "pulumi-nodejs:dynamic/port:Action");
    expect(documents.map((d) => d.inputs.identifier).sort()).toEqual([
      "incident_on_degraded_health",
      "notify_service_changes",
      "report_incident",
      "request_cloud_resource",
      "scaffold_service",
    ]);
    for (const { inputs } of documents) {
      const { __provider, ...spec } = inputs;
      const result = await actionLogic.check({}, spec);
      expect({ identifier: spec.identifier, failures: result.failures }).toEqual({ identifier: spec.identifier, failures: undefined });
    }
    // Seven blueprints and five actions registered under mocks take 2-5 s on a loaded machine.
  }, 15_000);
});
