import { AREAS, type Area, type ExportPlan } from "./plan";
import { printValue } from "./literal";

/** What each area's file says it declares. */
const AREA_DOCS: Record<Area, string> = {
  blueprints: "The data model: blueprints with their properties, relations, mirror, calculation and aggregation properties.",
  people: "Teams and users.",
  actions: "Self-service actions and automations.",
  scorecards: "Scorecards and their rules.",
  pages: "The catalog's folders, dashboards and pages.",
  ingestion: "Webhooks and integration mappings.",
  entities: "Entities of the blueprints exported with --entities (integrations own most others).",
  permissions: "Who may see and change blueprints, run actions and see pages.",
};

const capitalized = (area: Area) => area.charAt(0).toUpperCase() + area.slice(1);

export interface ProjectOptions {
  /** Pulumi project name. */
  name: string;
  /** The version range of @port-portal/pulumi the program depends on. */
  libraryVersion: string;
  /** Keep objects in Port when they are removed from the code (retainOnDelete). */
  release: boolean;
  /** Where the org was read from, for the header comment. */
  source: string;
}

/** The files of the exported program, by path relative to its directory. */
export function renderProject(plan: ExportPlan, options: ProjectOptions): Map<string, string> {
  const files = new Map<string, string>();
  const areas = AREAS.filter((a) => plan.inArea(a).length > 0);
  for (const area of areas) files.set(`${area}.ts`, renderArea(plan, area));
  files.set("index.ts", renderIndex(plan, areas, options));
  files.set("Pulumi.yaml", `name: ${options.name}\ndescription: A Port portal exported from ${options.source} by port-export.\nruntime: nodejs\n`);
  files.set(
    "package.json",
    JSON.stringify(
      {
        name: options.name,
        private: true,
        main: "index.ts",
        dependencies: { "@port-portal/pulumi": options.libraryVersion, "@pulumi/pulumi": "^3.139.0" },
        devDependencies: { "@types/node": "^20.0.0", typescript: "^5.0.0" },
      },
      null,
      2,
    ) + "\n",
  );
  files.set(
    "tsconfig.json",
    JSON.stringify(
      {
        compilerOptions: { strict: true, target: "es2020", module: "commonjs", moduleResolution: "node", skipLibCheck: true, forceConsistentCasingInFileNames: true },
        files: ["index.ts"],
      },
      null,
      2,
    ) + "\n",
  );
  return files;
}

function renderArea(plan: ExportPlan, area: Area): string {
  const declarations = plan.inArea(area);
  const components = [...new Set(declarations.map((d) => d.component))].sort();
  const uses = plan.usedBy(area);
  const lines = [`import { ${components.join(", ")}, type PortComponentOptions } from "@port-portal/pulumi";`];
  for (const used of uses) lines.push(`import type { ${capitalized(used)} } from "./${used}";`);
  const refs = uses.length > 0 ? `{ ${uses.join(", ")} }: { ${uses.map((u) => `${u}: ${capitalized(u)}`).join("; ")} }, ` : "";
  lines.push("", `/** ${AREA_DOCS[area]} */`, `export function declare${capitalized(area)}(${refs}options: PortComponentOptions) {`);
  for (const d of declarations) {
    if (d.comment) lines.push(...d.comment.split("\n").map((c) => `  // ${c}`));
    lines.push(`  const ${d.variable} = new ${d.component}(${JSON.stringify(d.name)}, ${printValue(d.args, 2)}, options);`);
  }
  lines.push(`  return { ${declarations.map((d) => d.variable).join(", ")} };`, "}", "", `export type ${capitalized(area)} = ReturnType<typeof declare${capitalized(area)}>;`, "");
  return lines.join("\n");
}

function renderIndex(plan: ExportPlan, areas: Area[], options: ProjectOptions): string {
  const existing = portalOptions(plan);
  const lines = [`import { Portal, type PortComponentOptions } from "@port-portal/pulumi";`];
  for (const area of areas) lines.push(`import { declare${capitalized(area)} } from "./${area}";`);
  lines.push(
    "",
    `// The portal of ${options.source}, exported by port-export. Every object is adopted on the first`,
    "// `up`: taken over as Port holds it, with no write where the code matches it.",
    options.release
      ? "// retainOnDelete: an object removed from the code is released (kept in Port), not deleted."
      : "// An object removed from the code is deleted from Port; add `retainOnDelete: true` to release it instead.",
    ...(plan.leftOut.length > 0 ? ["//", "// Not exported (Port keeps them as they are):", ...plan.leftOut.map((line) => `// - ${line}`)] : []),
    `const options: PortComponentOptions = { adopt: true${options.release ? ", retainOnDelete: true" : ""} };`,
    `const portal = new Portal(${existing ? printValue(existing) : ""});`,
    "",
    "export = portal.declare(() => {",
  );
  const referred = new Set(areas.flatMap((a) => plan.usedBy(a)));
  for (const area of areas) {
    const uses = plan.usedBy(area);
    const args = [...(uses.length > 0 ? [`{ ${uses.join(", ")} }`] : []), "options"].join(", ");
    lines.push(`  ${referred.has(area) ? `const ${area} = ` : ""}declare${capitalized(area)}(${args});`);
  }
  lines.push("});", "");
  return lines.join("\n");
}

/** Objects the code names but does not declare (left out of the export), which the Portal's check must take as managed elsewhere. */
function portalOptions(plan: ExportPlan): Record<string, string[]> | undefined {
  const existing = {
    existingBlueprints: plan.undeclared("blueprint"),
    existingActions: plan.undeclared("action"),
    existingTeams: plan.undeclared("team"),
    existingUsers: plan.undeclared("user"),
  };
  const given = Object.entries(existing).filter(([, names]) => names.length > 0);
  return given.length > 0 ? Object.fromEntries(given) : undefined;
}
