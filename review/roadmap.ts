import type { PlanObjectRef, PortalPlan } from "../stacks/plan-schema";
import type { DeclaredObject } from "./declared-portal";

/**
 * How much of the plan is built: every use case, user story, KPI and integration of the plan,
 * with the declared objects that implement it and the ones still missing.
 */
export interface RoadmapRow {
  section: "use case" | "user story" | "KPI" | "integration";
  id: string;
  title: string;
  built: boolean;
  missing: PlanObjectRef[];
}

export function roadmap(plan: PortalPlan, declared: DeclaredObject[]): RoadmapRow[] {
  const has = (ref: PlanObjectRef) => declared.some((o) => o.kind === ref.kind && o.identifier === ref.identifier);
  const row = (section: RoadmapRow["section"], id: string, title: string, refs: PlanObjectRef[]): RoadmapRow => {
    const missing = refs.filter((r) => !has(r));
    return { section, id, title, built: missing.length === 0, missing };
  };
  const rows: RoadmapRow[] = [];
  for (const useCase of plan.useCases) {
    const stories = plan.userStories.filter((s) => s.useCase === useCase.id);
    rows.push(
      row(
        "use case",
        useCase.id,
        useCase.title,
        stories.flatMap((s) => s.implementedBy),
      ),
    );
    for (const story of stories) rows.push(row("user story", story.id, `As a ${story.audience}, I want ${story.want}`, story.implementedBy));
  }
  for (const goal of plan.goals) for (const kpi of goal.kpis) rows.push(row("KPI", kpi.id, `${kpi.title} (${kpi.target})`, kpi.measuredBy));
  for (const integration of plan.integrations) rows.push(row("integration", integration.id, `${integration.tool} (${integration.install})`, integration.implementedBy));
  return rows;
}

export function roadmapMarkdown(rows: RoadmapRow[]): string {
  const built = rows.filter((r) => r.built).length;
  const lines = [`## Roadmap: ${built} of ${rows.length} built`, "", "| | item | id | status |", "|---|---|---|---|"];
  for (const r of rows) {
    const status = r.built ? "built" : `missing: ${r.missing.map((m) => `${m.kind} \`${m.identifier}\``).join(", ")}`;
    lines.push(`| ${r.section} | ${r.title} | \`${r.id}\` | ${status} |`);
  }
  return `${lines.join("\n")}\n`;
}

/** A plain-text table for terminals. */
export function roadmapTable(rows: RoadmapRow[]): string {
  const cells = rows.map((r) => [r.section, r.id, r.built ? "built" : `MISSING ${r.missing.map((m) => `${m.kind}:${m.identifier}`).join(" ")}`]);
  const widths = [0, 1].map((i) => Math.max(...cells.map((c) => c[i].length), 8));
  return cells.map((c) => `${c[0].padEnd(widths[0])}  ${c[1].padEnd(widths[1])}  ${c[2]}`).join("\n") + "\n";
}
