import * as pulumi from "@pulumi/pulumi";

/** Whether a value is fully known while the program is declared (no Output, Promise or resource inside). */
export function isPlain(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise || pulumi.Resource.isInstance(value)) return false;
  if (Array.isArray(value)) return value.every(isPlain);
  if (value && typeof value === "object") return Object.values(value).every(isPlain);
  return true;
}
