// How tests resolve @port-portal/pulumi. Test code gets the package's sources (as tsconfig.json's
// paths do for tsc). Its provider objects, and the package as Pulumi's closure serializer looks it
// up (from inside node_modules, to read its exports map), resolve to the built package through
// node_modules, as Node does with --preserve-symlinks (the nodeargs in Pulumi.yaml): Jest would
// otherwise follow the workspace symlink to packages/pulumi, outside node_modules, and the
// serializer would copy the provider's code instead of storing a require().
const path = require("path");

const ROOT = path.resolve(__dirname, "../..");
const INSTALLED = path.join(ROOT, "node_modules/@port-portal/pulumi");
const SOURCES = { "": "kinds/index.ts", "/guide": "guide/index.ts", "/emulator": "emulator/server.ts" };
const BUILT = { "": "dist/kinds/index.js", "/guide": "dist/guide/index.js", "/emulator": "dist/emulator/server.js" };

module.exports = (request, options) => {
  const entry = /^@port-portal\/pulumi(\/guide|\/emulator)?$/.exec(request);
  if (entry) {
    const fromNodeModules = options.basedir.split(path.sep).includes("node_modules");
    return fromNodeModules ? path.join(INSTALLED, BUILT[entry[1] ?? ""]) : path.join(ROOT, SOURCES[entry[1] ?? ""]);
  }
  const provider = /^@port-portal\/pulumi\/providers\/([a-z-]+)$/.exec(request);
  if (provider) return path.join(INSTALLED, "dist/core/providers/objects", `${provider[1]}.js`);
  return options.defaultResolver(request, options);
};
