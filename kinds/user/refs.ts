/**
 * What User, the permission components and TeamRoles share: wherever Port names teams (by name),
 * users (by email) or roles, args accept `Team` and `User` objects too (which orders creation and
 * lets the portal check the reference), and moderator roles follow the stack's identifier prefix.
 */
import * as pulumi from "@pulumi/pulumi";
import { moderatedBlueprint, MODERATOR_SUFFIX } from "./schema";
import type { Portal } from "../../core/components/portal";
import { PLACEHOLDER_IDENTIFIER, type RefMode } from "../../core/components/references";
import { ExistingObject } from "../../core/components/references";

/** Anything with a Port identifier: a `Blueprint`, an `Action`, a `Dashboard` of this program. */
export type IdentifiedComponent = pulumi.Resource & { identifier: pulumi.Output<string>; declaredIdentifier?: string };

/** A team: a `Team` of this program, `Team.existing(name)`, or the name of one. */
export type TeamRef = NamedTeam | ExistingObject | pulumi.Input<string>;
/** A user: a `User` of this program, `User.existing(email)`, or the email of one. */
export type UserRef = NamedUser | ExistingObject | pulumi.Input<string>;

/** The part of `Team` these helpers need (structural, so this module does not import the component). */
export type NamedTeam = pulumi.Resource & { name: pulumi.Output<string>; declaredName: string | undefined };
/** The part of `User` these helpers need. */
export type NamedUser = pulumi.Resource & { email: pulumi.Output<string>; declaredEmail: string | undefined };

/** `T` as args: values may be Inputs; `users` lists accept `User`s and `teams` lists accept `Team`s, however deep. */
export type WithPeopleRefs<T> = T extends string | number | boolean | null | undefined
  ? pulumi.Input<T>
  : T extends readonly (infer U)[]
    ? pulumi.Input<WithPeopleRefs<U>[]>
    : T extends object
      ? pulumi.Input<{ [K in keyof T]: K extends "users" ? pulumi.Input<UserRef[]> : K extends "teams" ? pulumi.Input<TeamRef[]> : WithPeopleRefs<T[K]> }>
      : pulumi.Input<T>;

/** Stands in, while the program is declared, for a name or email known only once applied. */
const PLACEHOLDER = { team: PLACEHOLDER_IDENTIFIER, user: `${PLACEHOLDER_IDENTIFIER}@example.com` };

/** Whether a value from a "declared" resolution is a real identifier (not a placeholder for one known later). */
export function isKnownIdentifier(value: unknown): value is string {
  return typeof value === "string" && value !== PLACEHOLDER_IDENTIFIER;
}

const isTeam = (ref: unknown): ref is NamedTeam => pulumi.Resource.isInstance(ref) && "declaredName" in ref && "name" in ref;
const isUser = (ref: unknown): ref is NamedUser => pulumi.Resource.isInstance(ref) && "declaredEmail" in ref && "email" in ref;

/** A team reference as a value for `mode`: a `Team` becomes its name output (inputs) or declared name. */
export function teamValue(ref: unknown, mode: RefMode): unknown {
  if (isTeam(ref)) return mode === "inputs" ? ref.name : (ref.declaredName ?? PLACEHOLDER.team);
  return ref instanceof ExistingObject ? ref.identifier : ref;
}

export function userValue(ref: unknown, mode: RefMode): unknown {
  if (isUser(ref)) return mode === "inputs" ? ref.email : (ref.declaredEmail ?? PLACEHOLDER.user);
  return ref instanceof ExistingObject ? ref.identifier : ref;
}

/** A blueprint named by plain identifier, for `mode`: as written for checks, as Port knows it for inputs. */
function blueprintIdentifier(identifier: string, portal: Portal, mode: RefMode): pulumi.Input<string> {
  return mode === "inputs" ? portal.blueprintIdentifier(identifier) : identifier;
}

/** A role, for `mode`: a moderator role's blueprint is named like any blueprint reference (`service-moderator` → `stg_service-moderator`). */
export function roleValue(role: unknown, portal: Portal, mode: RefMode): unknown {
  if (typeof role !== "string") return role;
  const blueprint = moderatedBlueprint(role);
  if (blueprint === undefined) return role;
  const identifier = blueprintIdentifier(blueprint, portal, mode);
  return typeof identifier === "string" ? `${identifier}${MODERATOR_SUFFIX}` : pulumi.output(identifier).apply((id) => `${id}${MODERATOR_SUFFIX}`);
}

/** The identifier of a component, an existing object or a plain blueprint identifier, for `mode`. */
export function identifierValue(ref: unknown, portal: Portal, mode: RefMode): unknown {
  if (pulumi.Resource.isInstance(ref) && "identifier" in ref) {
    const component = ref as IdentifiedComponent;
    return mode === "inputs" ? component.identifier : (component.declaredIdentifier ?? PLACEHOLDER_IDENTIFIER);
  }
  if (ref instanceof ExistingObject) return ref.identifier;
  return typeof ref === "string" ? blueprintIdentifier(ref, portal, mode) : ref;
}

/** `value` with every `users`, `teams` and `roles` list, however deep, resolved (inside Outputs too, for inputs). */
export function withPeopleValues(value: unknown, portal: Portal, mode: RefMode): unknown {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) {
    return mode === "inputs" ? pulumi.output(value).apply((inner) => withPeopleValues(inner, portal, mode)) : value;
  }
  if (Array.isArray(value)) return value.map((item) => withPeopleValues(item, portal, mode));
  if (value === null || typeof value !== "object" || pulumi.Resource.isInstance(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const list = (each: (ref: unknown) => unknown) => (Array.isArray(item) ? item.map(each) : item);
    if (key === "users") out[key] = list((ref) => userValue(ref, mode));
    else if (key === "teams") out[key] = list((ref) => teamValue(ref, mode));
    else if (key === "roles") out[key] = list((role) => roleValue(role, portal, mode));
    else out[key] = withPeopleValues(item, portal, mode);
  }
  return out;
}

/**
 * Registers every team, user and role named by plain value under `path` in the model, with its
 * field, so `check()` reports those the stack neither declares nor lists as existing.
 */
export function referPeopleIn(value: unknown, path: string, component: string, portal: Portal): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => referPeopleIn(item, `${path}[${index}]`, component, portal));
    return;
  }
  if (value === null || typeof value !== "object" || pulumi.Resource.isInstance(value) || pulumi.Output.isInstance(value)) return;
  for (const [key, item] of Object.entries(value)) {
    const field = path === "" ? key : `${path}.${key}`;
    const kind = key === "users" ? "user" : key === "teams" ? "team" : key === "roles" ? "role" : undefined;
    if (kind === undefined) {
      referPeopleIn(item, field, component, portal);
    } else if (Array.isArray(item)) {
      item.forEach((ref, index) => {
        if (typeof ref === "string") portal.model.referPeople(kind, { from: component, field: `${field}[${index}]`, identifier: ref });
      });
    }
  }
}
