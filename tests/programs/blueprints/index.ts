import * as pulumi from "@pulumi/pulumi";
import { Blueprint, Portal } from "@port-portal/pulumi";

// `variant` lets a test change the code between runs: "base", "changed" (one property differs),
// "invalid" (bad input that must fail before any call to Port).
const variant = new pulumi.Config().get("variant") ?? "base";
// `archive`: "none" (default), "keep" (an archive blueprint), "allow" (the same, allowed to be
// deleted with its entities), "remove" (taken out of the code).
const archive = new pulumi.Config().get("archive") ?? "none";
// `squadIdentifier` lets a test rename the squad blueprint between runs.
const squadIdentifier = new pulumi.Config().get("squadIdentifier") ?? "e2e_squad";
const portal = new Portal();

export = portal.declare(() => {
  if (variant === "invalid") {
    new Blueprint("bad", {
      identifier: "my service",
      title: "Bad",
      schema: { properties: { port: { type: "strng" as "string" } } },
      relations: { owner: { target: "teem", required: false, many: false } },
    });
  }

  const team = new Blueprint("squad", {
    identifier: squadIdentifier,
    title: "Squad",
    schema: { properties: { slack: { type: "string", format: "url", title: "Slack channel" } } },
  });

  const service = new Blueprint("service", {
    identifier: "e2e_service",
    title: "Service",
    icon: "Microservice",
    schema: {
      properties: {
        language: {
          type: "string",
          title: "Language",
          enum: variant === "changed" ? ["Go", "TypeScript", "Rust"] : ["Go", "TypeScript"],
        },
        replicas: { type: "number", title: "Replicas", minimum: 1, default: 2 },
      },
      required: ["language"],
    },
    relations: { squad: { title: "Squad", target: team, required: false, many: false } },
    mirrorProperties: { squadSlack: { title: "Squad Slack", path: "squad.slack" } },
    calculationProperties: { label: { title: "Label", type: "string", calculation: '.identifier + "!"' } },
  });

  if (archive === "keep" || archive === "allow") {
    new Blueprint("archive", {
      identifier: "e2e_archive",
      title: "Archive",
      ...(archive === "allow" ? { allowDataLoss: { deleteWithEntities: true } } : {}),
    });
  }

  return {
    identifiers: [team.identifier, service.identifier],
  };
});
