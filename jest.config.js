/** Unit layers (schemas, client, emulator, providers, components) and the end-to-end layer through the real CLI. */
const tsJest = ["ts-jest", { diagnostics: false }];
// Test code imports @port-portal/pulumi from its sources; see the resolver for the exceptions.
const resolver = "<rootDir>/tests/support/jest-resolver.js";
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform: { "^.+\\.ts$": tsJest },
      resolver,
      testMatch: ["<rootDir>/tests/**/*.test.ts", "<rootDir>/core/**/*.test.ts", "<rootDir>/kinds/**/*.test.ts", "<rootDir>/exporter/**/*.test.ts"],
      testPathIgnorePatterns: ["<rootDir>/tests/e2e/"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform: { "^.+\\.ts$": tsJest },
      resolver,
      testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
    },
  ],
};
