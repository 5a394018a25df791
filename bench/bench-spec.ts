/** A realistic blueprint: a few typed properties and, from the second on, a relation to the first one. */
export function benchBlueprintSpec<T = string>(i: number, first?: T) {
  return {
    identifier: `bench_${i}`,
    title: `Bench ${i}`,
    icon: "Microservice",
    schema: {
      properties: {
        language: { type: "string" as const, title: "Language", enum: ["Go", "TypeScript", "Python"] },
        url: { type: "string" as const, format: "url" as const, title: "URL" },
        replicas: { type: "number" as const, title: "Replicas", minimum: 0 },
        critical: { type: "boolean" as const, title: "Critical", default: false },
      },
      required: ["language"],
    },
    relations: relationsTo(i > 0 ? (first ?? "bench_0") : undefined),
  };
}

function relationsTo<T>(first: T | undefined): Record<string, { title: string; target: T; required: boolean; many: boolean }> {
  return first === undefined ? {} : { first: { title: "First", target: first, required: false, many: false } };
}
