/**
 * The implementation guide's portal as building blocks: each function declares one piece (an action,
 * a scorecard, a persona's dashboard, the GitHub ingestion, the team roles) on the blueprints it is
 * given. Optional: a portal may use some, all or none of them.
 */
export * from "./actions";
export * from "./automations";
export * from "./dashboards";
export * from "./ingestion";
export * from "./scorecards";
export * from "./team-roles";
