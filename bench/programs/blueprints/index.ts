import * as pulumi from "@pulumi/pulumi";
import { Blueprint, Portal } from "@port-portal/pulumi";
import { benchBlueprintSpec } from "../../bench-spec";

const count = new pulumi.Config().requireNumber("count");
const portal = new Portal();

export = portal.declare(() => {
  const first = new Blueprint("bp0", benchBlueprintSpec(0));
  for (let i = 1; i < count; i++) new Blueprint(`bp${i}`, benchBlueprintSpec<Blueprint>(i, first));
});
