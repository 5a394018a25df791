import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { validateSpec } from "../schemas/problems";

/** Whether a value is fully known while the program is declared (no Output, Promise or resource inside). */
export function isPlain(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise || pulumi.Resource.isInstance(value)) return false;
  if (Array.isArray(value)) return value.every(isPlain);
  if (value && typeof value === "object") return Object.values(value).every(isPlain);
  return true;
}

/**
 * A component's own problems with its args, found while the program is declared: none when some
 * value is not known yet (the provider's check validates those during preview).
 */
export function knownSpecProblems(schema: z.ZodTypeAny, kind: string, name: string, value: unknown): string[] {
  if (!isPlain(value)) return [];
  const result = validateSpec(schema, kind, name, value);
  return result.ok ? [] : result.problems.map((p) => p.message);
}
