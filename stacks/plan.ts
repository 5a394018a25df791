import { PortalPlan, PortalPlanInput } from "./plan-schema";

/**
 * The default portal's plan, from the implementation guide's Plan phase: the audiences, goals
 * and KPIs, use cases and MVP user stories, the tools to ingest and how each is installed, the
 * data model and the roles. Each story and KPI names what implements it; `npm run roadmap`
 * reports what is built.
 */
const bp = (identifier: string) => ({ kind: "Blueprint" as const, identifier });
const scorecard = (identifier: string) => ({ kind: "Scorecard" as const, identifier });
const dashboard = (identifier: string) => ({ kind: "Dashboard" as const, identifier });
const action = (identifier: string) => ({ kind: "Action" as const, identifier });
const automation = (identifier: string) => ({ kind: "Automation" as const, identifier });

export const defaultPlanInput: PortalPlanInput = {
  audiences: [
    { id: "developers", title: "Developers", needs: ["routine tasks without tickets", "their services and incidents in one place", "documentation and on-call at hand"] },
    { id: "rnd-managers", title: "R&D managers", needs: ["performance and health of services and APIs", "standards across teams"] },
    { id: "security", title: "Security team", needs: ["access control", "policy compliance and open vulnerabilities"] },
  ],
  goals: [
    {
      id: "self-service",
      title: "Developers serve themselves",
      kpis: [
        {
          id: "kpi-time-to-service",
          title: "Time to a new production-ready service",
          target: "under one day",
          measuredBy: [action("scaffold_service"), scorecard("service/production_readiness")],
        },
      ],
    },
    {
      id: "standards",
      title: "Standards are visible and met",
      kpis: [
        {
          id: "kpi-production-ready",
          title: "Services at Silver or above in production readiness",
          target: "80%",
          measuredBy: [scorecard("service/production_readiness"), dashboard("rnd_managers")],
        },
        {
          id: "kpi-api-availability",
          title: "APIs meeting their availability objective",
          target: "95% of APIs at 99% or more",
          measuredBy: [scorecard("api/api_health"), dashboard("rnd_managers")],
        },
      ],
    },
    {
      id: "incidents",
      title: "Incidents are handled fast and learned from",
      kpis: [
        {
          id: "kpi-incident-handling",
          title: "Resolved incidents with a postmortem",
          target: "90%",
          measuredBy: [scorecard("incident/incident_handling"), dashboard("developers")],
        },
      ],
    },
  ],
  useCases: [
    { id: "sdlc", title: "SDLC management", description: "Track services from scaffold to deployment." },
    { id: "incident-management", title: "Incident management", description: "Report, track and resolve incidents on services." },
    { id: "api-catalog", title: "API catalog", description: "Monitor the health and availability of the organization's APIs." },
    { id: "onboarding", title: "Onboarding", description: "Find a service's owners, README and on-call quickly." },
    { id: "appsec", title: "Application security", description: "Track access control and security policies." },
  ],
  userStories: [
    {
      id: "scaffold-service",
      audience: "developers",
      want: "to scaffold a new service from a template",
      soThat: "I start from the standards",
      priority: "must",
      useCase: "sdlc",
      mvp: true,
      implementedBy: [action("scaffold_service"), bp("service"), bp("repository")],
    },
    {
      id: "request-resource",
      audience: "developers",
      want: "to request a cloud resource with approval",
      soThat: "I get infrastructure without a ticket",
      priority: "should",
      useCase: "sdlc",
      implementedBy: [action("request_cloud_resource"), bp("environment")],
    },
    {
      id: "see-deployments",
      audience: "developers",
      want: "to see where each version of my service runs",
      soThat: "I know what is live",
      priority: "must",
      useCase: "sdlc",
      mvp: true,
      implementedBy: [bp("deployment"), bp("environment")],
    },
    {
      id: "service-changes",
      audience: "developers",
      want: "to hear when a service is created or changed",
      soThat: "the team stays informed",
      priority: "could",
      useCase: "sdlc",
      implementedBy: [automation("notify_service_changes")],
    },
    {
      id: "report-incident",
      audience: "developers",
      want: "to report an incident on a service",
      soThat: "the owners respond",
      priority: "must",
      useCase: "incident-management",
      mvp: true,
      implementedBy: [action("report_incident"), bp("incident")],
    },
    {
      id: "auto-incident",
      audience: "developers",
      want: "an incident opened when a service degrades",
      soThat: "nothing degrades unnoticed",
      priority: "should",
      useCase: "incident-management",
      implementedBy: [automation("incident_on_degraded_health")],
    },
    {
      id: "my-incidents",
      audience: "developers",
      want: "my services and my open incidents on one page",
      soThat: "I plan my day",
      priority: "must",
      useCase: "incident-management",
      mvp: true,
      implementedBy: [dashboard("developers")],
    },
    {
      id: "api-health",
      audience: "rnd-managers",
      want: "the health of APIs and services across teams",
      soThat: "I invest where it matters",
      priority: "must",
      useCase: "api-catalog",
      mvp: true,
      implementedBy: [bp("api"), scorecard("api/api_health"), dashboard("rnd_managers")],
    },
    {
      id: "service-standards",
      audience: "rnd-managers",
      want: "every service scored for production readiness and health",
      soThat: "standards improve",
      priority: "should",
      useCase: "api-catalog",
      implementedBy: [scorecard("service/production_readiness"), scorecard("service/service_health")],
    },
    {
      id: "find-owners",
      audience: "developers",
      want: "to find a service's owners, README and on-call",
      soThat: "I get unblocked fast",
      priority: "must",
      useCase: "onboarding",
      mvp: true,
      implementedBy: [bp("service")],
    },
    {
      id: "security-overview",
      audience: "security",
      want: "open vulnerabilities and unowned services at a glance",
      soThat: "policies are enforced",
      priority: "must",
      useCase: "appsec",
      mvp: true,
      implementedBy: [bp("vulnerability"), dashboard("security")],
    },
  ],
  integrations: [
    {
      id: "github",
      tool: "GitHub",
      kind: "pre-built",
      install: "hosted-by-port",
      blueprints: ["service", "repository"],
      implementedBy: [{ kind: "Integration", identifier: "github-ocean" }],
    },
    {
      id: "github-webhook",
      tool: "GitHub organization webhook",
      kind: "custom",
      install: "webhook",
      blueprints: ["service", "repository"],
      implementedBy: [{ kind: "Webhook", identifier: "github" }],
    },
    { id: "deployments-api", tool: "CI pipelines", kind: "custom", install: "api", blueprints: ["deployment"], implementedBy: [bp("deployment")] },
  ],
  dataModel: {
    blueprints: ["environment", "service", "api", "deployment", "incident", "repository", "vulnerability"],
    relations: ["api -> service", "deployment -> service", "deployment -> environment", "incident -> service", "repository -> service", "vulnerability -> service"],
  },
  roles: [
    { role: "admin", who: "the platform team" },
    { role: "moderator", who: "service owners' leads", blueprints: ["service", "api"] },
    { role: "member", who: "every engineer" },
  ],
};

export const defaultPlan: PortalPlan = PortalPlan.parse(defaultPlanInput);
