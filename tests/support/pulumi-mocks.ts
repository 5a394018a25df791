import * as pulumi from "@pulumi/pulumi";

/** The components module, imported after the mocks are set (Pulumi requires that order). */
export type Components = typeof import("../../kinds");

/**
 * Pulumi's own mocks, recording every registration in the returned list (emptied by the caller
 * between tests). `state` gives a resource's outputs, for the fields Port writes.
 */
export function recordRegistrations(
  state: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown> = (args) => args.inputs,
): pulumi.runtime.MockResourceArgs[] {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push(args);
        return { id: `${args.name}-id`, state: state(args) };
      },
      call: () => ({}),
    },
    "portal",
    "test",
    false,
  );
  return registered;
}

export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** The problems the portal check reports (none when it passes). */
export function problemsOfCheck(components: Components): string[] {
  try {
    components.currentPortalModel().check();
    return [];
  } catch (error) {
    return (error as InstanceType<Components["PortalValidationError"]>).problems;
  }
}
