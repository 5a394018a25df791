import { EntitySpec } from "./schema";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const problems = (value: unknown) => problemMessages(EntitySpec, value, "Entity", "production");

describe("EntitySpec", () => {
  it("accepts every field: title, icon, one team or several, JSON property values, single and many relations and null", () => {
    const entity = {
      identifier: "production",
      blueprint: "environment",
      title: "Production",
      icon: "Environment",
      team: ["platform", "sre"],
      properties: { type: "production", replicas: 3, public: true, tags: ["eu"], limits: { cpu: "2" }, retired: null },
      relations: { cluster: "eu-west-1", services: ["api", "web"], owner: null },
    };
    expect(parseValid(EntitySpec, entity)).toEqual(entity);
    expect(parseValid(EntitySpec, { identifier: "a", blueprint: "b", team: "platform" }).team).toBe("platform");
  });

  it("refuses an identifier, a blueprint and keys Port refuses, with the fix", () => {
    expect(problems({ identifier: "prod env", blueprint: "my env", properties: { "the type": "x" } })).toEqual([
      `Entity "production": field identifier: must match Port's entity identifier pattern (letters, digits and @ _ . + : \\ / = -, no spaces, at most 1000 characters); "prod env" contains a space: use "prod_env".`,
      `Entity "production": field blueprint: must match Port's blueprint identifier pattern (letters, digits and @ _ . + : \\ / -, no spaces, at most 100 characters); "my env" contains a space: use "my_env".`,
      `Entity "production": field properties["the type"]: must match Port's property identifier pattern (letters A-Z a-z, digits and @ _ = \\ -, no spaces or dots, at most 100 characters); "the type" contains a space: use "the_type".`,
    ]);
  });

  it("refuses relation values that are not identifiers and a misspelt key", () => {
    expect(problems({ identifier: "p", blueprint: "e", relations: { cluster: 3, services: ["ok", 4] }, propertes: {} })).toEqual([
      'Entity "production": field relations.cluster: 3 is a number, expected a string, an array or null. Fix the value.',
      'Entity "production": field relations.services[1]: 4 is a number, expected a string. Fix the value.',
      'Entity "production": "propertes" is not a key of an entity; allowed: identifier, blueprint, title, icon, team, properties, relations. Did you mean "properties"? Rename or remove it.',
    ]);
  });

  it("requires the identifier and the blueprint", () => {
    expect(problems({ title: "x" })).toEqual([
      'Entity "production": field identifier: is required but missing. Add a string.',
      'Entity "production": field blueprint: is required but missing. Add a string.',
    ]);
  });
});
