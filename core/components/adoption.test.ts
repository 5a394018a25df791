import { ADOPT_KEY } from "../providers/resource-logic";
import { Components, declared, recordRegistrations, valueOf } from "../../tests/support/pulumi-mocks";

// The `adopt` component option under Pulumi's mocks: which resources carry it to their provider.
const registered = recordRegistrations();
let components: Components;

beforeAll(async () => {
  components = await import("../../kinds");
});

beforeEach(() => {
  registered.length = 0;
});

const adoptFlags = () => registered.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/port:")).map((r) => [r.type.split(":").pop(), r.name, r.inputs[ADOPT_KEY] ?? false]);

describe("the adopt option", () => {
  it("reaches the resources of the component it is set on, and only those", async () => {
    const blueprints = await declared(components, () => [
      new components.Blueprint("team", { identifier: "team", title: "Team", schema: { properties: {} } }),
      new components.Blueprint("service", { identifier: "service", title: "Service", schema: { properties: {} } }, { adopt: true }),
    ]);
    await Promise.all(blueprints.map((b) => valueOf(b.identifier)));
    expect(adoptFlags().sort()).toEqual([
      ["Blueprint", "service", true],
      ["Blueprint", "team", false],
    ]);
  });

  it("is inherited by the components declared inside the one it is set on", async () => {
    const teams = await declared(components, () => {
      const outer = new components.Team("outer", { name: "outer" }, { adopt: true });
      return [
        outer,
        new components.Team("inner", { name: "inner" }, { parent: outer }),
        new components.Team("apart", { name: "apart" }),
        new components.Team("released", { name: "released" }, { adopt: true, retainOnDelete: true }),
      ];
    });
    await Promise.all(teams.map((t) => valueOf(t.name)));
    expect(teams.map((t) => t.adoption)).toEqual([
      { adopt: true, retainOnDelete: false },
      { adopt: true, retainOnDelete: false },
      { adopt: false, retainOnDelete: false },
      { adopt: true, retainOnDelete: true },
    ]);
    expect(adoptFlags().sort()).toEqual([
      ["Team", "apart", false],
      ["Team", "inner", true],
      ["Team", "outer", true],
      ["Team", "released", true],
    ]);
  });
});
