import { configDiffMarkdown, diffConfig } from "../../review/config-diff";

describe("diffConfig", () => {
  const dev = {
    "port-portal:environment": { value: "dev", secret: false },
    "port-portal:urls": { value: '{"notificationWebhook":"https://hooks.example.com/dev"}', secret: false },
    "port-portal:githubWebhookSecret": { value: "[secret]", secret: true },
    "port:clientSecret": { value: "[secret]", secret: true },
  };
  const staging = {
    "port-portal:environment": { value: "staging", secret: false },
    "port-portal:urls": { value: '{"notificationWebhook":"https://hooks.example.com/staging"}', secret: false },
    "port:clientSecret": { value: "[secret]", secret: true },
  };

  it("lists the keys the target lacks, secrets with --secret, and the values that differ, never a secret's value", () => {
    const diff = diffConfig(dev, staging);
    expect(diff).toEqual({
      missingInTarget: ["port-portal:githubWebhookSecret"],
      missingSecrets: ["port-portal:githubWebhookSecret"],
      differing: [
        { key: "port-portal:environment", source: "`dev`", target: "`staging`" },
        { key: "port-portal:urls", source: '`{"notificationWebhook":"https://hooks.example.com/dev"}`', target: '`{"notificationWebhook":"https://hooks.example.com/staging"}`' },
      ],
    });
    expect(configDiffMarkdown("dev", "staging", diff)).toBe(
      [
        "### Config: dev -> staging",
        "",
        "**Missing in staging** (set them before promoting):",
        "",
        "- `port-portal:githubWebhookSecret`: run `pulumi config set --secret port-portal:githubWebhookSecret <value> --stack staging`",
        "",
        "| key | dev | staging |",
        "|---|---|---|",
        "| `port-portal:environment` | `dev` | `staging` |",
        '| `port-portal:urls` | `{"notificationWebhook":"https://hooks.example.com/dev"}` | `{"notificationWebhook":"https://hooks.example.com/staging"}` |',
        "",
      ].join("\n"),
    );
  });
});
