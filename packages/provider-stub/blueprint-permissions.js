"use strict";
// Generated from kinds/registry.ts by `npm run stubs`: state written before 0.2 requires this name.
module.exports = require("@port-portal/pulumi/providers/blueprint-permissions");
