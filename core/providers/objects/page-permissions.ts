// Generated from kinds/registry.ts by `npm run stubs`. This module's exports is exactly the provider
// object, which is what makes Pulumi store it in state as require("@port-portal/pulumi/providers/page-permissions").
import { providerObject } from "../provider-object";

export = providerObject("PagePermissions");
