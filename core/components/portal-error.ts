import * as pulumi from "@pulumi/pulumi";

/**
 * Everything wrong with the declared portal, reported together. A RunError, so Pulumi prints the
 * message alone (no stack trace) and stops before anything is sent to Port.
 */
export class PortalValidationError extends pulumi.RunError {
  constructor(readonly problems: string[]) {
    super(`The portal definition has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was applied:\n` + problems.map((p) => `  - ${p}`).join("\n"));
    this.name = "PortalValidationError";
  }
}
