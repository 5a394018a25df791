import * as pulumi from "@pulumi/pulumi";
import { Blueprint } from "../../../kinds/blueprint/component";
import { startPortalModel } from "../../../core/components/portal-model";
import { benchBlueprintSpec } from "../../bench-spec";

const count = new pulumi.Config().requireNumber("count");
const model = startPortalModel();
const first = new Blueprint("bp0", benchBlueprintSpec(0));
for (let i = 1; i < count; i++) new Blueprint(`bp${i}`, benchBlueprintSpec<Blueprint>(i, first));
model.check();
