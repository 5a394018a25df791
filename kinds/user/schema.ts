/**
 * Users and roles (port-api.md §13, §14): a user is invited by email with roles and teams, and is
 * addressed by email afterwards. Port's roles are fixed: `Admin`, `Member`, and one
 * `<blueprint>-moderator` per blueprint (Admin > Moderator > Member).
 */
import { z } from "zod";
import { closedObject } from "../../core/schemas/closed";
import { PORT_IDENTIFIER_PATTERNS, TeamName } from "../../core/schemas/identifiers";
import { closestMatch, showValue } from "../../core/schemas/messages";

/** A user's email address, as Port addresses users (`/v1/users/{user_email}`). */
export const UserEmail = z.email({
  error: (issue) =>
    issue.code === "invalid_format" || issue.code === "invalid_type"
      ? `${showValue(issue.input)} is not an email address; users are addressed by email, e.g. "jane@example.com". Fix the email.`
      : undefined,
});
export type UserEmail = z.output<typeof UserEmail>;

/** The roles every organization has. */
export const BUILT_IN_ROLES = ["Admin", "Member"] as const;

/** Suffix of a blueprint's moderator role: `service-moderator` moderates the `service` blueprint. */
export const MODERATOR_SUFFIX = "-moderator";

/** `Admin`, `Member`, or `<blueprint>-moderator` (moderates that blueprint's entities and its actions). */
export type PortRole = (typeof BUILT_IN_ROLES)[number] | `${string}-moderator`;

/** The blueprint a moderator role moderates (`"service-moderator"` → `"service"`), or undefined for other roles. */
export function moderatedBlueprint(role: string): string | undefined {
  if (!role.endsWith(MODERATOR_SUFFIX)) return undefined;
  const blueprint = role.slice(0, -MODERATOR_SUFFIX.length);
  return blueprint === "" ? undefined : blueprint;
}

/** The moderator role of a blueprint: `moderatorRole("service")` is `"service-moderator"`. */
export function moderatorRole(blueprint: string): `${string}-moderator` {
  return `${blueprint}${MODERATOR_SUFFIX}`;
}

/** Why `value` is not a role, with the fix, or undefined when it is one. */
function roleProblem(value: unknown): string | undefined {
  const allowed = `roles are ${BUILT_IN_ROLES.join(", ")} or <blueprint>${MODERATOR_SUFFIX} (e.g. "service${MODERATOR_SUFFIX}")`;
  if (typeof value !== "string") return `${showValue(value)} is not a role; ${allowed}. Fix the role.`;
  if ((BUILT_IN_ROLES as readonly string[]).includes(value)) return undefined;
  const blueprint = moderatedBlueprint(value);
  if (blueprint !== undefined && PORT_IDENTIFIER_PATTERNS.blueprint.test(blueprint)) return undefined;
  const near = closestMatch(value, [...BUILT_IN_ROLES]) ?? (value.toLowerCase().endsWith("moderator") ? `${value.replace(/[-_ ]?moderator$/i, "")}${MODERATOR_SUFFIX}` : undefined);
  const hint = near !== undefined && near !== value ? ` Did you mean ${JSON.stringify(near)}?` : "";
  return `${showValue(value)} is not a Port role; ${allowed}.${hint} Fix the role.`;
}

/**
 * A role: `Admin`, `Member`, or `<blueprint>-moderator`. The moderator's blueprint must exist
 * (checked against the portal model at preview, and by Port).
 */
export const PortRole = z.custom<PortRole>().check((payload) => {
  const problem = roleProblem(payload.value);
  if (problem !== undefined) payload.issues.push({ code: "custom", message: problem, input: payload.value, continue: true });
});

/**
 * A user invitation (the `invitee` of `POST /v1/users/invite`, then `PATCH /v1/users/{email}`):
 * who, with which roles, in which teams.
 */
export const UserInvitationSpec = closedObject("a user invitation", {
  /** The user's email: how Port addresses the user. Changing it invites another user. */
  email: UserEmail,
  /** The user's roles, at least one. Default `["Member"]` (Port's role for invited users). A set: order does not matter. */
  roles: z.array(PortRole).min(1).default(["Member"]),
  /** Names of the teams the user belongs to; each team must exist. Default `[]`. A set: order does not matter. */
  teams: z.array(TeamName).default([]),
});
export type UserInvitationSpec = z.output<typeof UserInvitationSpec>;
export type UserInvitationSpecInput = z.input<typeof UserInvitationSpec>;
