import {
  ActionIdentifier,
  BlueprintIdentifier,
  EntityIdentifier,
  PORT_COLORS,
  PORT_IDENTIFIER_PATTERNS,
  PortColor,
  PropertyIdentifier,
  ScorecardIdentifier,
  TeamName,
} from "./identifiers";
import { parseValid, problemMessages } from "../../tests/support/problem-messages";

const BLUEPRINT_RULE = "must match Port's blueprint identifier pattern (letters, digits and @ _ . + : \\ / -, no spaces, at most 100 characters)";
const PROPERTY_RULE = "must match Port's property identifier pattern (letters A-Z a-z, digits and @ _ = \\ -, no spaces or dots, at most 100 characters)";

describe("BlueprintIdentifier", () => {
  it.each(["service", "my_service", "k8s-cluster", "team@org", "a.b", "a+b", "ns:svc", "path/to", "Dienst", "服务", "_team"])("accepts %j", (identifier) => {
    expect(parseValid(BlueprintIdentifier, identifier)).toBe(identifier);
  });

  it("rejects an identifier with a space and suggests an underscore", () => {
    expect(problemMessages(BlueprintIdentifier, "my service")).toEqual([`Blueprint "service": ${BLUEPRINT_RULE}; "my service" contains a space: use "my_service".`]);
  });

  it("names each kind of bad character and replaces every run of them", () => {
    expect(problemMessages(BlueprintIdentifier, "my  service!#x")).toEqual([
      `Blueprint "service": ${BLUEPRINT_RULE}; "my  service!#x" contains a space, "!" and "#": use "my_service_x".`,
    ]);
  });

  it("rejects an identifier longer than 100 characters with its length", () => {
    expect(problemMessages(BlueprintIdentifier, "a".repeat(101))).toEqual([`Blueprint "service": ${BLUEPRINT_RULE}; it is 101 characters long: shorten it to at most 100.`]);
  });

  it("accepts exactly 100 characters", () => {
    expect(parseValid(BlueprintIdentifier, "a".repeat(100))).toHaveLength(100);
  });

  it.each([".", ".."])("rejects the reserved name %j", (identifier) => {
    expect(problemMessages(BlueprintIdentifier, identifier)).toEqual([
      `Blueprint "service": ${BLUEPRINT_RULE}; ${JSON.stringify(identifier)} alone is reserved: use an identifier such as "service".`,
    ]);
  });

  it("rejects an empty identifier with an example", () => {
    expect(problemMessages(BlueprintIdentifier, "")).toEqual([`Blueprint "service": ${BLUEPRINT_RULE}; it is empty: use an identifier such as "service".`]);
  });

  it("rejects a non-string with the value and the expected type", () => {
    expect(problemMessages(BlueprintIdentifier, 42)).toEqual(['Blueprint "service": 42 is a number, expected a string. Fix the value.']);
  });

  it("agrees with Port's published pattern", () => {
    for (const candidate of ["service", "a b", ".", "..", "...", "a\\b", "x=y", "é"]) {
      expect(BlueprintIdentifier.safeParse(candidate).success).toBe(PORT_IDENTIFIER_PATTERNS.blueprint.test(candidate));
    }
  });
});

describe("EntityIdentifier", () => {
  it("accepts = (which blueprint identifiers refuse) and up to 1000 characters", () => {
    expect(parseValid(EntityIdentifier, "env=prod")).toBe("env=prod");
    expect(parseValid(EntityIdentifier, "e".repeat(1000))).toHaveLength(1000);
    expect(BlueprintIdentifier.safeParse("env=prod").success).toBe(false);
  });

  it("rejects 1001 characters", () => {
    expect(problemMessages(EntityIdentifier, "e".repeat(1001), "Entity", "x")).toEqual([
      'Entity "x": must match Port\'s entity identifier pattern (letters, digits and @ _ . + : \\ / = -, no spaces, at most 1000 characters); it is 1001 characters long: shorten it to at most 1000.',
    ]);
  });
});

describe("ActionIdentifier", () => {
  it("accepts letters, digits and @ _ . + : = -", () => {
    expect(parseValid(ActionIdentifier, "deploy_service:v2=x+y@org.z-1")).toBe("deploy_service:v2=x+y@org.z-1");
  });

  it("rejects a slash, which only blueprint and entity identifiers allow", () => {
    expect(problemMessages(ActionIdentifier, "deploy/service", "Action", "deploy")).toEqual([
      'Action "deploy": must match Port\'s action identifier pattern (letters, digits and @ _ . + : = -, no spaces or slashes); "deploy/service" contains "/": use "deploy_service".',
    ]);
  });
});

describe("ScorecardIdentifier", () => {
  it("uses the entity pattern with at most 100 characters", () => {
    expect(parseValid(ScorecardIdentifier, "production=ready")).toBe("production=ready");
    expect(ScorecardIdentifier.safeParse("s".repeat(101)).success).toBe(false);
  });
});

describe("PropertyIdentifier", () => {
  it.each(["language", "on_call", "slack-channel", "owner@x", "a=b", "CamelCase1"])("accepts %j", (key) => {
    expect(parseValid(PropertyIdentifier, key)).toBe(key);
  });

  it("rejects a dot, since dots separate relations in paths", () => {
    expect(problemMessages(PropertyIdentifier, "service.language")).toEqual([`Blueprint "service": ${PROPERTY_RULE}; "service.language" contains ".": use "service_language".`]);
  });

  it("drops accents in the suggestion because only ASCII letters are allowed", () => {
    expect(problemMessages(PropertyIdentifier, "café au lait")).toEqual([`Blueprint "service": ${PROPERTY_RULE}; "café au lait" contains "é" and a space: use "cafe_au_lait".`]);
  });
});

describe("TeamName", () => {
  it.each(["platform", "Platform Team", "a-b_c.d"])("accepts %j", (name) => {
    expect(parseValid(TeamName, name)).toBe(name);
  });

  it("rejects ; # / ? and suggests a dash", () => {
    expect(problemMessages(TeamName, "dev/ops", "Team", "devops")).toEqual([
      'Team "devops": must match Port\'s team name pattern (at least 2 characters, none of ; # / ?, no whitespace at either end); "dev/ops" contains "/": use "dev-ops".',
    ]);
  });

  it("rejects surrounding whitespace", () => {
    expect(problemMessages(TeamName, " platform ", "Team", "platform")).toEqual([
      'Team "platform": must match Port\'s team name pattern (at least 2 characters, none of ; # / ?, no whitespace at either end); " platform " starts or ends with whitespace: use "platform".',
    ]);
  });

  it("rejects a single character", () => {
    expect(TeamName.safeParse("a").success).toBe(false);
  });
});

describe("PortColor", () => {
  it("accepts every Port colour", () => {
    for (const color of PORT_COLORS) expect(parseValid(PortColor, color)).toBe(color);
    expect(PORT_COLORS).toHaveLength(17);
  });

  it("rejects an unknown colour, lists the colours and suggests the closest", () => {
    expect(problemMessages(PortColor, "gren")).toEqual([
      'Blueprint "service": "gren" is not a Port color; allowed: blue, turquoise, orange, purple, pink, yellow, green, red, gold, silver, paleBlue, darkGray, lightGray, bronze, lime, olive, brown. Did you mean "green"? Fix the color.',
    ]);
  });
});
