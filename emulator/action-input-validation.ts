/**
 * Port's checks of a self-service trigger's `userInputs` (apispec.yaml: POST /v1/actions, and
 * port-api.md §6), written from the sources rather than from schemas/ so the two can disagree:
 * the form's closed key sets, input types and formats, entity inputs naming an existing
 * blueprint, and `required` / `order` / `steps` / `dependsOn` naming declared inputs. An input
 * itself is a JSON schema kept as written (the spec sets no `additionalProperties: false` on it),
 * so its other keys (`properties`, `uniqueItems`, `exclusiveMinimum`, an `enum` of objects ...) pass.
 */
import { checkNoExtraKeys, checkObject, checkString } from "./field-checks";
import { COLORS, PROPERTY_KEY, PROPERTY_KEY_MAX, PROPERTY_TYPES } from "./port-vocabulary";
import { isPlainObject, jsonType, pointer, Problems } from "./validation-problems";

export const ACTION_INPUT_FORMATS = ["date-time", "url", "email", "ipv4", "ipv6", "yaml", "entity", "user", "team", "proto", "markdown", "multi-line", "labeled-url"];

const USER_INPUTS_KEYS = ["properties", "required", "titles", "order", "steps"];

export interface InputContext {
  blueprintExists(identifier: string): boolean;
}

/** `{jqQuery: string}` and nothing else. */
export function isJqQuery(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 1 && typeof value.jqQuery === "string";
}

/** A boolean or `{jqQuery}` (visible, disabled). */
function checkBooleanOrJq(problems: Problems, path: string, value: unknown): void {
  if (value === undefined || typeof value === "boolean" || isJqQuery(value)) return;
  problems.add(path, `must be boolean or {jqQuery} (got ${jsonType(value)})`);
}

/** A list of strings, each one of `known`. */
function checkNameList(problems: Problems, path: string, value: unknown, known: string[], what: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.add(path, `must be array (got ${jsonType(value)})`);
    return;
  }
  value.forEach((name, i) => {
    if (typeof name !== "string") problems.add(pointer(path, i), `must be string (got ${jsonType(name)})`);
    else if (!known.includes(name)) problems.add(pointer(path, i), `names "${name}", which is not ${what}`);
  });
}

function checkDataset(problems: Problems, path: string, value: unknown): void {
  const dataset = checkObject(problems, path, value);
  if (!dataset) return;
  checkString(problems, pointer(path, "combinator"), dataset.combinator, { required: true, allowed: ["and", "or"] });
  if (!Array.isArray(dataset.rules)) problems.add(pointer(path, "rules"), `must be array (got ${jsonType(dataset.rules)})`);
}

function validateInput(problems: Problems, path: string, value: unknown, others: string[], ctx: InputContext): void {
  const input = checkObject(problems, path, value, true);
  if (!input) return;
  checkString(problems, pointer(path, "type"), input.type, { required: true, allowed: PROPERTY_TYPES });
  checkString(problems, pointer(path, "format"), input.format, { allowed: ACTION_INPUT_FORMATS });
  for (const key of ["title", "icon", "description"]) checkString(problems, pointer(path, key), input[key]);
  checkBooleanOrJq(problems, pointer(path, "visible"), input.visible);
  checkBooleanOrJq(problems, pointer(path, "disabled"), input.disabled);
  checkEncryption(problems, pointer(path, "encryption"), input.encryption);
  checkNameList(problems, pointer(path, "dependsOn"), input.dependsOn, others, "another input of this action");
  if (input.enum !== undefined && !Array.isArray(input.enum) && !isJqQuery(input.enum)) {
    problems.add(pointer(path, "enum"), `must be array or {jqQuery} (got ${jsonType(input.enum)})`);
  }
  if (input.enumColors !== undefined) {
    const colors = checkObject(problems, pointer(path, "enumColors"), input.enumColors);
    for (const [key, color] of Object.entries(colors ?? {})) checkString(problems, pointer(pointer(path, "enumColors"), key), color, { allowed: COLORS });
  }
  checkEntityTarget(problems, path, input, ctx);
  const items = input.items === undefined ? undefined : checkObject(problems, pointer(path, "items"), input.items);
  if (items) {
    checkString(problems, pointer(path, "items/type"), items.type, { required: true, allowed: PROPERTY_TYPES });
    checkString(problems, pointer(path, "items/format"), items.format, { allowed: ACTION_INPUT_FORMATS });
    checkEntityTarget(problems, pointer(path, "items"), items, ctx);
  }
}

/**
 * A secret input: `"aes256-gcm"` (Port encrypts with the organization's client secret) or
 * `{algorithm: "client-side", key}` (the browser encrypts with the organization's RSA public key).
 * terraform-provider-port-labs port/action/schema.go and string.go; docs: user-inputs/secret.md.
 */
function checkEncryption(problems: Problems, path: string, value: unknown): void {
  if (value === undefined || typeof value === "string") {
    checkString(problems, path, value, { allowed: ["aes256-gcm"] });
    return;
  }
  const encryption = checkObject(problems, path, value);
  if (!encryption) return;
  checkNoExtraKeys(problems, path, encryption, ["algorithm", "key"]);
  checkString(problems, pointer(path, "algorithm"), encryption.algorithm, { required: true, allowed: ["client-side"] });
  checkString(problems, pointer(path, "key"), encryption.key, { required: true, minLength: 1 });
}

/** An entity input (or entity items) must name an existing blueprint. */
function checkEntityTarget(problems: Problems, path: string, input: Record<string, unknown>, ctx: InputContext): void {
  if (input.format !== "entity") return;
  if (checkString(problems, pointer(path, "blueprint"), input.blueprint, { required: true }) && !ctx.blueprintExists(input.blueprint as string)) {
    problems.add(pointer(path, "blueprint"), `names blueprint "${String(input.blueprint)}", which does not exist`);
  }
  if (input.dataset !== undefined) checkDataset(problems, pointer(path, "dataset"), input.dataset);
}

export function validateUserInputs(problems: Problems, path: string, value: unknown, ctx: InputContext): void {
  const userInputs = checkObject(problems, path, value, true);
  if (!userInputs) return;
  checkNoExtraKeys(problems, path, userInputs, USER_INPUTS_KEYS);
  const properties = checkObject(problems, pointer(path, "properties"), userInputs.properties, true) ?? {};
  const names = Object.keys(properties);
  for (const [key, input] of Object.entries(properties)) {
    const inputPath = pointer(pointer(path, "properties"), key);
    if (key.length > PROPERTY_KEY_MAX || !PROPERTY_KEY.test(key)) {
      problems.add(inputPath, `has an invalid key: keys must match pattern "${PROPERTY_KEY.source}" and have at most ${PROPERTY_KEY_MAX} characters`);
    }
    validateInput(
      problems,
      inputPath,
      input,
      names.filter((name) => name !== key),
      ctx,
    );
  }
  if (!isJqQuery(userInputs.required)) checkNameList(problems, pointer(path, "required"), userInputs.required, names, "an input of this action");
  const titles = checkObject(problems, pointer(path, "titles"), userInputs.titles) ?? {};
  for (const [key, title] of Object.entries(titles)) {
    const titlePath = pointer(pointer(path, "titles"), key);
    const heading = checkObject(problems, titlePath, title, true);
    if (!heading) continue;
    // apispec.yaml: a title's object is not closed (no additionalProperties: false).
    checkString(problems, pointer(titlePath, "title"), heading.title, { required: true, minLength: 1, maxLength: 140 });
    checkString(problems, pointer(titlePath, "description"), heading.description, { maxLength: 1000 });
  }
  const placeable = [...names, ...Object.keys(titles)];
  checkNameList(problems, pointer(path, "order"), userInputs.order, placeable, "an input or title of this action");
  if (userInputs.order !== undefined && userInputs.steps !== undefined) problems.add(pointer(path, "steps"), "must NOT be present together with order");
  if (userInputs.steps === undefined) return;
  if (!Array.isArray(userInputs.steps)) {
    problems.add(pointer(path, "steps"), `must be array (got ${jsonType(userInputs.steps)})`);
    return;
  }
  userInputs.steps.forEach((step, i) => {
    const stepPath = pointer(pointer(path, "steps"), i);
    const page = checkObject(problems, stepPath, step, true);
    if (!page) return;
    // apispec.yaml: a step is closed and needs only its title; terraform-provider-port-labs port/action/schema.go: the title is at most 25 characters.
    checkNoExtraKeys(problems, stepPath, page, ["title", "order", "visible"]);
    checkString(problems, pointer(stepPath, "title"), page.title, { required: true, minLength: 1, maxLength: 25 });
    checkNameList(problems, pointer(stepPath, "order"), page.order, placeable, "an input or title of this action");
    checkBooleanOrJq(problems, pointer(stepPath, "visible"), page.visible);
  });
}
