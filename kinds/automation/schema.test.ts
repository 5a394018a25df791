import { AUTOMATION_EVENT_TYPES, AutomationSpec, type AutomationSpecInput } from "./schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const kafka = { type: "KAFKA" } as const;
const automationProblems = (automation: unknown) => problemMessages(AutomationSpec, automation, "Automation", "notify");
const withEvent = (event: unknown, condition?: unknown) => ({ identifier: "notify", trigger: { type: "automation", event, condition }, invocationMethod: kafka });

describe("AutomationSpec", () => {
  describe("parses each event kind unchanged", () => {
    const events: Record<string, AutomationSpecInput["trigger"]["event"]> = {
      ENTITY_CREATED: { type: "ENTITY_CREATED", blueprintIdentifier: "service" },
      ENTITY_UPDATED: { type: "ENTITY_UPDATED", blueprintIdentifier: "service" },
      ENTITY_DELETED: { type: "ENTITY_DELETED", blueprintIdentifier: "service" },
      ANY_ENTITY_CHANGE: { type: "ANY_ENTITY_CHANGE", blueprintIdentifier: "service" },
      TIMER_PROPERTY_EXPIRED: { type: "TIMER_PROPERTY_EXPIRED", blueprintIdentifier: "environment", propertyIdentifier: "ttl" },
      RUN_CREATED: { type: "RUN_CREATED", actionIdentifier: "deploy" },
      RUN_UPDATED: { type: "RUN_UPDATED", actionIdentifier: "deploy" },
      ANY_RUN_CHANGE: { type: "ANY_RUN_CHANGE", actionIdentifier: "deploy" },
    };
    it.each(Object.entries(events))("%s", (_, event) => {
      const automation: AutomationSpecInput = {
        identifier: "notify",
        title: "Notify",
        trigger: { type: "automation", event, condition: { type: "JQ", expressions: [".diff.after != null"], combinator: "or" } },
        invocationMethod: { type: "WEBHOOK", url: "https://hooks.example.com/x", body: { text: "{{ .event.diff.after.title }}" } },
        publish: true,
        allowAnyoneToViewRuns: true,
      };
      expect(parseValid(AutomationSpec, automation)).toEqual(automation);
    });
    it("covers every event type", () => expect(Object.keys(events).sort()).toEqual([...AUTOMATION_EVENT_TYPES].sort()));
  });

  it("fails on an unknown event type with every allowed type", () => {
    expect(automationProblems(withEvent({ type: "ENTITY_CREATD", blueprintIdentifier: "service" }))).toEqual([
      'Automation "notify": field trigger.event.type: "ENTITY_CREATD" is not an event type; allowed: ENTITY_CREATED, ENTITY_UPDATED, ENTITY_DELETED, ANY_ENTITY_CHANGE, TIMER_PROPERTY_EXPIRED, RUN_CREATED, RUN_UPDATED, ANY_RUN_CHANGE. Did you mean "ENTITY_CREATED"? Fix the type.',
    ]);
  });

  it("requires the keys of each event kind and refuses the others", () => {
    expect(automationProblems(withEvent({ type: "TIMER_PROPERTY_EXPIRED", blueprintIdentifier: "svc" }))).toEqual([
      'Automation "notify": field trigger.event.propertyIdentifier: is required but missing. Add a string.',
    ]);
    expect(automationProblems(withEvent({ type: "RUN_UPDATED", blueprintIdentifier: "svc" }))).toEqual([
      'Automation "notify": field trigger.event.actionIdentifier: is required but missing. Add a string.',
      'Automation "notify": field trigger.event: "blueprintIdentifier" is not a key of a run event; allowed: type, actionIdentifier. Rename or remove it.',
    ]);
  });

  it("checks the condition's type, expressions and combinator", () => {
    expect(automationProblems(withEvent({ type: "ENTITY_CREATED", blueprintIdentifier: "svc" }, { type: "jq", expressions: [], combinator: "xor" }))).toEqual([
      'Automation "notify": field trigger.condition.type: "jq" is not allowed; allowed: JQ. Fix the value.',
      'Automation "notify": field trigger.condition.combinator: "xor" is not a combinator; allowed: and, or. Did you mean "or"? Fix the combinator.',
    ]);
  });

  it("accepts a condition with no expressions, which filters nothing", () => {
    const automation = withEvent({ type: "ENTITY_UPDATED", blueprintIdentifier: "service" }, { type: "JQ", expressions: [], combinator: "and" });
    expect(parseValid(AutomationSpec, automation)).toEqual(automation);
  });

  it("refuses approval settings, and points a self-service trigger to the Action component", () => {
    expect(
      automationProblems({
        identifier: "notify",
        trigger: { type: "self-service", event: { type: "RUN_CREATED", actionIdentifier: "x" } },
        invocationMethod: kafka,
        requiredApproval: true,
      }),
    ).toEqual([
      'Automation "notify": field trigger.type: "self-service" is not an automation trigger; a self-service trigger makes an action: use the Action component, or set type "automation".',
      'Automation "notify": "requiredApproval" is not a key of an automation; allowed: identifier, title, icon, description, invocationMethod, publish, trigger, allowAnyoneToViewRuns. Rename or remove it.',
    ]);
  });
});
