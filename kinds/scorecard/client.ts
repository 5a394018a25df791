/** Typed scorecard calls used by the providers (Port API §5: /v1/blueprints/{bp}/scorecards). */

import { envelopeField } from "../../core/client/envelope-field";
import { deletedUnlessGone, undefinedWhenNotFound } from "../../core/client/not-found";
import { pathSegment } from "../../core/client/path-segment";
import type { PortClient } from "../../core/client/port-client";

/**
 * Wire shape only; the validated shape lives in schema.ts. The blueprint is in the
 * path, not the body: Port's scorecard body takes no `blueprint` key (its responses carry one).
 */
export type PortScorecardBody = { identifier: string; title: string; [key: string]: unknown };

function scorecardsPath(blueprint: string): string {
  return `/v1/blueprints/${pathSegment("blueprint", blueprint)}/scorecards`;
}

function scorecardPath(blueprint: string, identifier: string): string {
  return `${scorecardsPath(blueprint)}/${pathSegment("scorecard", identifier)}`;
}

/** The blueprint's scorecards. */
export async function listScorecards(client: PortClient, blueprint: string): Promise<PortScorecardBody[]> {
  const path = scorecardsPath(blueprint);
  return envelopeField<PortScorecardBody[]>(await client.request("GET", path), "scorecards", "GET", path);
}

/** The scorecard, or undefined when Port answers 404 `not_found` (for the scorecard or its blueprint). */
export async function getScorecard(client: PortClient, blueprint: string, identifier: string): Promise<PortScorecardBody | undefined> {
  const path = scorecardPath(blueprint, identifier);
  return undefinedWhenNotFound(async () => envelopeField<PortScorecardBody>(await client.request("GET", path), "scorecard", "GET", path));
}

export async function createScorecard(client: PortClient, blueprint: string, body: PortScorecardBody): Promise<PortScorecardBody> {
  const path = scorecardsPath(blueprint);
  return envelopeField<PortScorecardBody>(await client.request("POST", path, { body }), "scorecard", "POST", path);
}

/** PUT replaces the whole scorecard: levels, filter and rules left out of `body` are dropped by Port. */
export async function replaceScorecard(client: PortClient, blueprint: string, identifier: string, body: PortScorecardBody): Promise<PortScorecardBody> {
  const path = scorecardPath(blueprint, identifier);
  return envelopeField<PortScorecardBody>(await client.request("PUT", path, { body }), "scorecard", "PUT", path);
}

/** True when deleted, false when it (or its blueprint) was already gone (404 `not_found`). */
export async function deleteScorecard(client: PortClient, blueprint: string, identifier: string): Promise<boolean> {
  return deletedUnlessGone(() => client.request("DELETE", scorecardPath(blueprint, identifier)));
}
