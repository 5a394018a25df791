import * as pulumi from "@pulumi/pulumi";

/**
 * The Port objects a portal definition declares, found by running it under Pulumi's mocks: no
 * engine, no Port. What each dynamic resource receives as inputs is exactly what would be sent
 * to Port, so reports and docs describe the real portal, not a copy of it.
 */
export interface DeclaredObject {
  /** The plan's word for it: Blueprint, Scorecard, Dashboard, Action, Automation, Webhook, ... */
  kind: string;
  /** Port identifier; scorecards `<blueprint>/<identifier>`. */
  identifier: string;
  /** The Pulumi resource name. */
  name: string;
  inputs: Record<string, any>;
}

const PORT_TYPE = /^pulumi-nodejs:dynamic\/port:([A-Za-z]+)$/;

/** Runs `declare` (which builds the portal) under mocks and returns what it declared, in a stable order. */
export async function declaredPortal(declare: () => unknown | Promise<unknown>, project = "port-portal", stack = "dev"): Promise<DeclaredObject[]> {
  const declared: DeclaredObject[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const kind = PORT_TYPE.exec(args.type)?.[1];
        if (kind) {
          const { __provider: _p, ...inputs } = args.inputs as Record<string, any>;
          declared.push(describe(kind, args.name, inputs));
        }
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    project,
    stack,
    false,
  );
  await declare();
  // Registration under mocks is asynchronous; wait until no new resource has arrived for a while.
  let count = -1;
  while (count !== declared.length) {
    count = declared.length;
    await new Promise((r) => setTimeout(r, 150));
  }
  return declared.sort((a, b) => a.kind.localeCompare(b.kind) || a.identifier.localeCompare(b.identifier));
}

function describe(kind: string, name: string, inputs: Record<string, any>): DeclaredObject {
  if (kind === "Page") return { kind: inputs.type === "dashboard" ? "Dashboard" : "Page", identifier: String(inputs.identifier ?? name), name, inputs };
  if (kind === "Action" && inputs.trigger?.type === "automation") return { kind: "Automation", identifier: String(inputs.identifier), name, inputs };
  if (kind === "Scorecard") return { kind, identifier: `${inputs.blueprint}/${inputs.identifier}`, name, inputs };
  const identifier = inputs.identifier ?? inputs.name ?? inputs.email ?? inputs.installationId ?? inputs.blueprint ?? inputs.action ?? inputs.page ?? name;
  return { kind, identifier: String(identifier), name, inputs };
}
