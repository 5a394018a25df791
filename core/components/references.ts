/**
 * What every kind's references share. A reference is resolved in one of two modes: `declared`,
 * while the program is declared, for checks (an identifier as written in code, or
 * {@link PLACEHOLDER_IDENTIFIER} when it is known only once applied); `inputs`, for what goes to
 * Port (a component's identifier output, which also orders creation).
 */
export type RefMode = "declared" | "inputs";

/** Stands in, while the program is declared, for an identifier known only once applied, so the rest of a spec is still checked. */
export const PLACEHOLDER_IDENTIFIER = "not-known-yet";

/**
 * A Port object managed outside this stack, named explicitly (`Blueprint.existing("k8s_cluster")`,
 * `Action.existing(...)`, `Team.existing(...)`, `User.existing(...)`): sent to Port as written,
 * never given the stack's prefix or suffix, and not reported as undeclared by the portal check.
 */
export abstract class ExistingObject {
  constructor(readonly identifier: string) {}
}
