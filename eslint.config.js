// ESLint flat config: ESLint's and typescript-eslint's recommended rules (not the type-checked set,
// to keep `npm run lint` fast; `tsc --noEmit` does the type checking), then eslint-config-prettier,
// which switches off every rule that Prettier's formatting would contradict.
const { defineConfig, globalIgnores } = require("eslint/config");
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const prettier = require("eslint-config-prettier");
const globals = require("globals");

module.exports = defineConfig(
  globalIgnores([
    "**/node_modules/",
    ".portal-local/",
    // Go module of the Pulumi toolchain.
    "tools/pulumi/",
    "**/coverage/",
    "bench/results/",
    // The package's build output.
    "packages/*/dist/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Pulumi's dynamic-provider interface passes `any`, and Port's schemaless JSON documents are Record<string, any> by design.
      "@typescript-eslint/no-explicit-any": "off",
      // typescript-eslint leaves this to tsc, but without allowUnreachableCode: false tsc only hints, so keep ESLint's check.
      "no-unreachable": "error",
      // A leading `_` marks an unused name as intentional; so do rest siblings (`const { createdAt, ...body } = doc` omits keys).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Lazy require() on purpose: a kind's module loads on first use; providerStub's require() is what Pulumi stores in state.
    files: ["kinds/registry.ts", "core/providers/runtime.ts", "core/providers/provider-stub.ts", "core/providers/provider-object.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Plain JavaScript here (configs, the provider stub) is CommonJS run by Node, where require() is the import.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
