/** Unit layers (schemas, client, emulator, providers, components) and the end-to-end layer through the real CLI. */
const tsJest = ["ts-jest", { diagnostics: false }];
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform: { "^.+\\.ts$": tsJest },
      testMatch: ["<rootDir>/tests/**/*.test.ts", "<rootDir>/core/**/*.test.ts", "<rootDir>/kinds/**/*.test.ts"],
      testPathIgnorePatterns: ["<rootDir>/tests/e2e/"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform: { "^.+\\.ts$": tsJest },
      testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
    },
  ],
};
