import { ActionSpec, type ActionSpecInput } from "./schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const kafka = { type: "KAFKA" } as const;
const actionProblems = (action: unknown) => problemMessages(ActionSpec, action, "Action", "deploy");

describe("ActionSpec", () => {
  it("parses a complete DAY-2 action, filling in an empty form only where none is given", () => {
    const action: ActionSpecInput = {
      identifier: "deploy_service",
      title: "Deploy",
      icon: "Rocket",
      description: "Deploys the service to an environment.",
      trigger: {
        type: "self-service",
        operation: "DAY-2",
        blueprintIdentifier: "service",
        userInputs: { properties: { version: { type: "string" } }, required: ["version"] },
        actionCardButtonText: "Deploy",
        executeActionButtonText: "Deploy now",
        condition: { type: "SEARCH", combinator: "and", rules: [{ property: "tier", operator: "!=", value: "experimental" }] },
      },
      invocationMethod: kafka,
      requiredApproval: { type: "ALL" },
      approvalNotification: { type: "webhook", url: "https://hooks.slack.com/services/x", format: "slack" },
      publish: true,
      allowAnyoneToViewRuns: false,
    };
    expect(parseValid(ActionSpec, action)).toEqual(action);
    const minimal = { identifier: "a", trigger: { type: "self-service", operation: "CREATE" }, invocationMethod: kafka };
    expect(parseValid(ActionSpec, minimal)).toEqual({ ...minimal, trigger: { ...minimal.trigger, userInputs: { properties: {} } } });
  });

  it("accepts each approval setting", () => {
    const base = { identifier: "a", trigger: { type: "self-service", operation: "CREATE" }, invocationMethod: kafka };
    for (const requiredApproval of [false, true, { type: "ANY" }, { type: "ALL" }]) {
      expect(actionProblems({ ...base, requiredApproval, approvalNotification: { type: "email" } })).toEqual([]);
    }
  });

  it("reports every problem of the document at once, each naming its field", () => {
    expect(
      actionProblems({
        identifier: "deploy service",
        trigger: { type: "self-service", operation: "CREATE", condition: { type: "SEARCH", combinator: "and", rules: [] } },
        invocationMethod: kafka,
        requiredApproval: { type: "SOME" },
        approvalNotification: { type: "webhook", url: "ftp://x" },
        actionCardButtonText: "Go",
      }),
    ).toEqual([
      'Action "deploy": field identifier: must match Port\'s action identifier pattern (letters, digits and @ _ . + : = -, no spaces or slashes); "deploy service" contains a space: use "deploy_service".',
      'Action "deploy": field trigger.condition: only applies to DAY-2 and DELETE actions (it selects the entities that show the action); a CREATE action has no entity yet. Remove condition or change the operation.',
      'Action "deploy": field requiredApproval.type: "SOME" is not an approval type; allowed: ANY, ALL. Fix the type.',
      'Action "deploy": field approvalNotification.url: "ftp://x" is not a valid URL. Use an absolute http(s) URL such as "https://example.com/hook".',
      'Action "deploy": "actionCardButtonText" is not a key of an action; allowed: identifier, title, icon, description, invocationMethod, publish, trigger, requiredApproval, approvalNotification, allowAnyoneToViewRuns. Rename or remove it.',
    ]);
  });

  it("refuses requiredApproval that is neither a boolean nor a policy", () => {
    expect(actionProblems({ identifier: "a", trigger: { type: "self-service", operation: "CREATE" }, invocationMethod: kafka, requiredApproval: "yes" })).toEqual([
      'Action "deploy": field requiredApproval: "yes" is not true, false or {type: "ANY" | "ALL"}. Fix requiredApproval.',
    ]);
  });

  it("accepts DAY-2 and DELETE actions without a blueprint, as Port does", () => {
    for (const operation of ["DAY-2", "DELETE"]) {
      const action = { identifier: "a", trigger: { type: "self-service", operation, userInputs: { properties: {} } }, invocationMethod: kafka };
      expect(parseValid(ActionSpec, action)).toEqual(action);
    }
  });

  it("refuses a legacy v1 action, saying how to write it as a v2 action", () => {
    const legacy = { identifier: "scaffold", trigger: "CREATE", userInputs: { properties: { name: { type: "string" } } }, invocationMethod: kafka };
    expect(actionProblems(legacy)).toEqual([
      'Action "deploy": field trigger: "CREATE" is a legacy v1 trigger (the body of POST /v1/blueprints/{blueprint}/actions, deprecated since November 2024), which POST /v1/actions refuses. Write it as a v2 action: trigger: {type: "self-service", operation: "CREATE", blueprintIdentifier: "<blueprint>", userInputs: {properties: {...}, required: [...]}}, moving a top-level userInputs into trigger.userInputs.',
      'Action "deploy": "userInputs" is not a key of an action; allowed: identifier, title, icon, description, invocationMethod, publish, trigger, requiredApproval, approvalNotification, allowAnyoneToViewRuns. Rename or remove it.',
    ]);
  });

  it("limits button texts to 1-15 characters without edge spaces", () => {
    const withButton = (actionCardButtonText: string) => ({
      identifier: "a",
      trigger: { type: "self-service", operation: "CREATE", actionCardButtonText },
      invocationMethod: kafka,
    });
    expect(actionProblems(withButton("Create the service now"))).toEqual([
      'Action "deploy": field trigger.actionCardButtonText: "Create the service now" is 22 characters long (at most 15); button texts are 1–15 characters with no spaces at either end. Shorten or trim it.',
    ]);
    expect(actionProblems(withButton(" Go "))).toEqual([
      'Action "deploy": field trigger.actionCardButtonText: " Go " starts or ends with a space; button texts are 1–15 characters with no spaces at either end. Shorten or trim it.',
    ]);
    expect(actionProblems(withButton("Create service"))).toEqual([]);
  });

  it("checks the operation and points an automation trigger to the Automation component", () => {
    expect(actionProblems({ identifier: "a", trigger: { type: "self-service", operation: "CREAT" }, invocationMethod: kafka })).toEqual([
      'Action "deploy": field trigger.operation: "CREAT" is not an operation; allowed: CREATE, DAY-2, DELETE. Did you mean "CREATE"? Fix the operation.',
    ]);
    expect(actionProblems({ identifier: "a", trigger: { type: "automation", operation: "CREATE" }, invocationMethod: kafka })[0]).toBe(
      'Action "deploy": field trigger.type: "automation" is not a self-service trigger; an automation trigger makes an automation: use the Automation component, or set type "self-service".',
    );
  });
});
