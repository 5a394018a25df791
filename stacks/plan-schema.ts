import { z } from "zod";

/**
 * The portal's plan, as Port's implementation guide asks for it: who it is for, what it should
 * achieve and how that is measured, the use cases and user stories, the tools to ingest, the data
 * model and the roles. Every story and KPI names the portal objects that implement it, so the
 * roadmap report can tell what is built and what is missing.
 */
const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, _ or - (e.g. "incident-management")');

/** A portal object that implements part of the plan, by kind and Port identifier. */
export const PlanObjectRef = z
  .object({
    kind: z.enum(["Blueprint", "Scorecard", "Dashboard", "Action", "Automation", "Webhook", "Integration", "Team", "Entity"]),
    /** The Port identifier (for scorecards `<blueprint>/<identifier>`). */
    identifier: z.string().min(1),
  })
  .strict();
export type PlanObjectRef = z.output<typeof PlanObjectRef>;

export const Audience = z.object({ id: Id, title: z.string().min(1), needs: z.array(z.string().min(1)).min(1) }).strict();

export const Kpi = z
  .object({
    id: Id,
    title: z.string().min(1),
    /** The target, in words, e.g. "80% of services at Silver or above". */
    target: z.string().min(1),
    /** Where the KPI is measured in the portal (a scorecard, a dashboard). */
    measuredBy: z.array(PlanObjectRef).min(1),
  })
  .strict();

export const Goal = z.object({ id: Id, title: z.string().min(1), kpis: z.array(Kpi).min(1) }).strict();

export const UseCase = z.object({ id: Id, title: z.string().min(1), description: z.string().min(1) }).strict();

export const UserStory = z
  .object({
    id: Id,
    /** "As a <audience>, I want <want>, so that <soThat>." */
    audience: Id,
    want: z.string().min(1),
    soThat: z.string().min(1),
    priority: z.enum(["must", "should", "could"]),
    useCase: Id,
    /** The MVP stories are built first. */
    mvp: z.boolean().default(false),
    implementedBy: z.array(PlanObjectRef).min(1),
  })
  .strict();

export const PlannedIntegration = z
  .object({
    id: Id,
    tool: z.string().min(1),
    kind: z.enum(["pre-built", "custom"]),
    /** How it is installed: hosted by Port, self-hosted (e.g. Helm), scheduled in CI, or Port's API/webhook. */
    install: z.enum(["hosted-by-port", "self-hosted", "ci", "webhook", "api"]),
    /** The blueprints it fills. */
    blueprints: z.array(z.string().min(1)).min(1),
    implementedBy: z.array(PlanObjectRef).default([]),
  })
  .strict();

export const PlannedRole = z
  .object({
    role: z.enum(["admin", "moderator", "member"]),
    who: z.string().min(1),
    /** For moderators: the blueprints they moderate. */
    blueprints: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const PortalPlan = z
  .object({
    audiences: z.array(Audience).min(1),
    goals: z.array(Goal).min(1),
    useCases: z.array(UseCase).min(1),
    userStories: z.array(UserStory).min(1),
    integrations: z.array(PlannedIntegration).default([]),
    /** Blueprint identifiers of the data model, and the relations between them (`from -> to`). */
    dataModel: z
      .object({ blueprints: z.array(z.string().min(1)).min(1), relations: z.array(z.string().regex(/^\S+ -> \S+$/, 'must read "<blueprint> -> <blueprint>"')).default([]) })
      .strict(),
    roles: z.array(PlannedRole).default([]),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const audiences = new Set(plan.audiences.map((a) => a.id));
    const useCases = new Set(plan.useCases.map((u) => u.id));
    const blueprints = new Set(plan.dataModel.blueprints);
    plan.userStories.forEach((story, i) => {
      if (!audiences.has(story.audience))
        ctx.addIssue({
          code: "custom",
          path: ["userStories", i, "audience"],
          message: `"${story.audience}" is not an audience of the plan (${[...audiences].join(", ")}). Add the audience or fix the story.`,
        });
      if (!useCases.has(story.useCase))
        ctx.addIssue({
          code: "custom",
          path: ["userStories", i, "useCase"],
          message: `"${story.useCase}" is not a use case of the plan (${[...useCases].join(", ")}). Add the use case or fix the story.`,
        });
    });
    plan.dataModel.relations.forEach((relation, i) => {
      for (const end of relation.split(" -> "))
        if (!blueprints.has(end))
          ctx.addIssue({
            code: "custom",
            path: ["dataModel", "relations", i],
            message: `"${end}" is not a blueprint of the data model. Add it to dataModel.blueprints or fix the relation.`,
          });
    });
    const ids = [...plan.userStories.map((s) => s.id), ...plan.goals.flatMap((g) => g.kpis.map((k) => k.id))];
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["userStories"], message: `"${id}" is used twice as a story or KPI id. Give each its own id.` });
      seen.add(id);
    }
  });
export type PortalPlan = z.output<typeof PortalPlan>;
export type PortalPlanInput = z.input<typeof PortalPlan>;
