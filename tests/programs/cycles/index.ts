import { Blueprint, Portal } from "@port-portal/pulumi";

// A cycle of two (service <-> team) and one of three (region -> cluster -> namespace -> region),
// written as a user would: each relation names its target by identifier.
const portal = new Portal();

export = portal.declare(() => {
  const relation = (target: string) => ({ target, required: false, many: false });
  const named = { name: { type: "string" as const, title: "Name" } };

  new Blueprint("service", {
    identifier: "cy_service",
    title: "Service",
    schema: { properties: named },
    relations: { team: relation("cy_team") },
    mirrorProperties: { teamName: { title: "Team name", path: "team.name" } },
  });
  new Blueprint("team", { identifier: "cy_team", title: "Team", schema: { properties: named }, relations: { lead: relation("cy_service") } });

  new Blueprint("region", { identifier: "cy_region", title: "Region", schema: { properties: named }, relations: { primary: relation("cy_cluster") } });
  new Blueprint("cluster", { identifier: "cy_cluster", title: "Cluster", schema: { properties: named }, relations: { home: relation("cy_namespace") } });
  new Blueprint("namespace", {
    identifier: "cy_namespace",
    title: "Namespace",
    schema: { properties: named },
    relations: { region: relation("cy_region") },
    aggregationProperties: {
      regions: { title: "Regions", target: "cy_region", calculationSpec: { calculationBy: "entities", func: "count" } },
    },
  });
});
