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
    relations: i > 0 ? { first: { title: "First", target: first ?? "bench_0", required: false, many: false } } : {},
  };
}
