"use strict";
// Generated from kinds/registry.ts by `npm run stubs`. Exactly this module's exports is the provider
// object, which is what makes Pulumi serialize it as a require().
module.exports = require("./index").providerFor("Folder");
