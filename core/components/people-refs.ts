/**
 * What User, the permission components and TeamRoles share: wherever Port names teams (by name),
 * users (by email) or roles, args accept `Team` and `User` objects too (which orders creation and
 * lets the portal check the reference), and moderator roles follow the stack's identifier prefix.
 */
import * as pulumi from "@pulumi/pulumi";
import { moderatedBlueprint, MODERATOR_SUFFIX } from "../schemas";
import type { PortalModel } from "./portal-model";
import { PLACEHOLDER_IDENTIFIER, type RefMode } from "../../kinds/action/refs";

/** Anything with a Port identifier: a `Blueprint`, an `Action`, a `Dashboard` of this program. */
export type IdentifiedComponent = pulumi.Resource & { identifier: pulumi.Output<string>; declaredIdentifier?: string };

/** A team: a `Team` of this program, or the name of one. */
export type TeamRef = NamedTeam | pulumi.Input<string>;
/** A user: a `User` of this program, or the email of one. */
export type UserRef = NamedUser | pulumi.Input<string>;

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
  return ref;
}

export function userValue(ref: unknown, mode: RefMode): unknown {
  if (isUser(ref)) return mode === "inputs" ? ref.email : (ref.declaredEmail ?? PLACEHOLDER.user);
  return ref;
}

/**
 * A blueprint identifier as Port knows it: as written in code it gets the stack's prefix and
 * suffix; the identifier of a Blueprint declared already (`blueprint.declaredIdentifier`) has them.
 */
export function blueprintIdentifier(identifier: string, model: PortalModel): string {
  return model.declaredBlueprints().includes(identifier) ? identifier : model.qualify(identifier);
}

/** A role with its blueprint qualified like the stack's identifiers: `service-moderator` → `stg_service-moderator`. */
export function roleValue(role: unknown, model: PortalModel): unknown {
  if (typeof role !== "string") return role;
  const blueprint = moderatedBlueprint(role);
  return blueprint === undefined ? role : `${blueprintIdentifier(blueprint, model)}${MODERATOR_SUFFIX}`;
}

/** The identifier of a component or plain blueprint identifier, for `mode`; plain identifiers are qualified (see {@link blueprintIdentifier}). */
export function identifierValue(ref: unknown, model: PortalModel, mode: RefMode): unknown {
  if (pulumi.Resource.isInstance(ref) && "identifier" in ref) {
    const component = ref as IdentifiedComponent;
    return mode === "inputs" ? component.identifier : (component.declaredIdentifier ?? PLACEHOLDER_IDENTIFIER);
  }
  return typeof ref === "string" ? blueprintIdentifier(ref, model) : ref;
}

/** `value` with every `users`, `teams` and `roles` list, however deep, resolved (inside Outputs too, for inputs). */
export function withPeopleValues(value: unknown, model: PortalModel, mode: RefMode): unknown {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) {
    return mode === "inputs" ? pulumi.output(value).apply((inner) => withPeopleValues(inner, model, mode)) : value;
  }
  if (Array.isArray(value)) return value.map((item) => withPeopleValues(item, model, mode));
  if (value === null || typeof value !== "object" || pulumi.Resource.isInstance(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const list = (each: (ref: unknown) => unknown) => (Array.isArray(item) ? item.map(each) : item);
    if (key === "users") out[key] = list((ref) => userValue(ref, mode));
    else if (key === "teams") out[key] = list((ref) => teamValue(ref, mode));
    else if (key === "roles") out[key] = list((role) => roleValue(role, model));
    else out[key] = withPeopleValues(item, model, mode);
  }
  return out;
}

/**
 * Registers every team, user and role named by plain value under `path` in the model, with its
 * field, so `check()` reports those the stack neither declares nor lists as existing.
 */
export function referPeopleIn(value: unknown, path: string, component: string, model: PortalModel): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => referPeopleIn(item, `${path}[${index}]`, component, model));
    return;
  }
  if (value === null || typeof value !== "object" || pulumi.Resource.isInstance(value) || pulumi.Output.isInstance(value)) return;
  for (const [key, item] of Object.entries(value)) {
    const field = path === "" ? key : `${path}.${key}`;
    const kind = key === "users" ? "user" : key === "teams" ? "team" : key === "roles" ? "role" : undefined;
    if (kind === undefined) {
      referPeopleIn(item, field, component, model);
    } else if (Array.isArray(item)) {
      item.forEach((ref, index) => {
        const name = kind === "role" ? roleValue(ref, model) : ref;
        if (typeof name === "string") model.referPeople(kind, { from: component, field: `${field}[${index}]`, identifier: name });
      });
    }
  }
}
