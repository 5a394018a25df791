import * as pulumi from "@pulumi/pulumi";

/**
 * What checking the whole portal adds to a preview: declares a portal of N objects (blueprints
 * with relations and mirror properties, and scorecards with rules on their properties) under
 * Pulumi's mocks, then times the portal's check alone (the model's check that declare() runs once the
 * declarations are done, here called at the end of the declarations; the second call by declare() finds
 * nothing left to do), best of several runs.
 * Usage: npm run bench:check [-- 500]
 */
pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) }, "bench", "check", false);

async function main() {
  const total = Number(process.argv[2] ?? 500);
  const c = await import("../kinds");
  const runs: number[] = [];
  const declarations: number[] = [];
  for (let run = 0; run < 5; run++) {
    const declaring = process.hrtime.bigint();
    const portal = new c.Portal();
    let started = 0n;
    let checked = 0n;
    await portal.declare(() => {
      const blueprints = Math.floor(total / 2);
      const declared: InstanceType<typeof c.Blueprint>[] = [];
      for (let i = 0; i < blueprints; i++) {
        declared.push(
          new c.Blueprint(`bp${run}-${i}`, {
            identifier: `bench_${i}`,
            title: `Bench ${i}`,
            schema: { properties: { name: { type: "string" }, size: { type: "number" }, at: { type: "string", format: "date-time" } } },
            relations: i > 0 ? { parent: { target: declared[i - 1], required: false, many: false } } : {},
            mirrorProperties: i > 1 ? { grandparentName: { path: "parent.parent.name" } } : {},
          }),
        );
      }
      for (let i = 0; i < total - blueprints; i++) {
        new c.Scorecard(`sc${run}-${i}`, {
          identifier: `sc_${i}`,
          title: `Scorecard ${i}`,
          blueprint: declared[i % blueprints],
          rules: [
            { identifier: "named", title: "Named", level: "Bronze", query: { combinator: "and", conditions: [{ property: "name", operator: "isNotEmpty" }] } },
            { identifier: "big", title: "Big", level: "Silver", query: { combinator: "and", conditions: [{ property: "size", operator: ">", value: 3 }] } },
            {
              identifier: "recent",
              title: "Recent",
              level: "Gold",
              query: { combinator: "and", conditions: [{ property: "at", operator: "between", value: { preset: "lastWeek" } }] },
            },
          ],
        });
      }
      started = process.hrtime.bigint();
      portal.model.check();
      checked = process.hrtime.bigint();
    });
    runs.push(Number(checked - started) / 1e6);
    declarations.push(Number(started - declaring) / 1e6);
  }
  const ms = (list: number[]) => `${Math.min(...list).toFixed(1)} (${list.map((r) => r.toFixed(1)).join(", ")})`;
  console.log(
    `| objects | portal check() ms, best (all runs) | declaring the components, incl. per-component schema validation, ms |\n|---|---|---|\n` +
      `| ${total} | ${ms(runs)} | ${ms(declarations)} |`,
  );
  setTimeout(() => process.exit(0), 200);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
