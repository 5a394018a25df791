/** Test helper: the user messages a schema produces for a value (empty when it is valid). */
import { z } from "zod";
import { validateSpec } from "../../core/schemas/problems";

export function problemMessages(schema: z.ZodTypeAny, value: unknown, kind = "Blueprint", name = "service"): string[] {
  const result = validateSpec(schema, kind, name, value);
  return result.ok ? [] : result.problems.map((problem) => problem.message);
}

/** Parses a value that must be valid, failing the test with the problems otherwise. */
export function parseValid<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const result = validateSpec(schema, "Test", "value", value);
  if (!result.ok) throw new Error(`expected a valid value, got:\n${result.problems.map((p) => p.message).join("\n")}`);
  return result.value;
}
