import { Action, Blueprint, Portal, Scorecard } from "@port-portal/pulumi";

// A small portal as a team writes it in its own project: one blueprint, a scorecard on it and a
// day-2 action, all from the installed package.
const portal = new Portal();

export = portal.declare(() => {
  const service = new Blueprint("service", {
    identifier: "service",
    title: "Service",
    schema: { properties: { language: { type: "string", title: "Language" }, onCall: { type: "string", title: "On call" } } },
  });
  new Scorecard("service-readiness", {
    blueprint: service,
    identifier: "readiness",
    title: "Readiness",
    rules: [{ identifier: "has_on_call", title: "Has an on-call", level: "Gold", query: { combinator: "and", conditions: [{ property: "onCall", operator: "isNotEmpty" }] } }],
  });
  new Action("restart-service", {
    identifier: "restart_service",
    title: "Restart service",
    blueprint: service,
    trigger: { operation: "DAY-2", userInputs: { properties: {} } },
    invocationMethod: { type: "WEBHOOK", url: "https://example.com/restart" },
  });
  return { service: service.identifier };
});
