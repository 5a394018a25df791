import * as pulumi from "@pulumi/pulumi";

/** The components module, imported after the mocks are set (Pulumi requires that order). */
export type Components = typeof import("../../kinds");

/**
 * Pulumi's own mocks, recording every registration in the returned list (emptied by the caller
 * between tests). `state` gives a resource's outputs, for the fields Port writes.
 */
export function recordRegistrations(state: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown> = (args) => args.inputs): pulumi.runtime.MockResourceArgs[] {
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

type PortalOptions = ConstructorParameters<Components["Portal"]>[0];

/** Declares components in a new portal, which checks them; resolves with what `declarations` returns. */
export function declared<T>(components: Components, declarations: () => T | Promise<T>, options?: PortalOptions): Promise<T> {
  return new components.Portal(options).declare(declarations);
}

/** The problems the portal check reports for `declarations` (none when it passes). */
export async function problemsOf(components: Components, declarations: () => unknown, options?: PortalOptions): Promise<string[]> {
  try {
    await declared(components, declarations, options);
    return [];
  } catch (error) {
    if (error instanceof components.PortalValidationError) return error.problems;
    throw error;
  }
}
