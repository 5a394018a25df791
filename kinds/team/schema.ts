/**
 * A team (port-api.md §12): the body of `POST /v1/teams` and `PUT /v1/teams/{name}`. Port
 * addresses teams by `name`; permissions, user invitations and entity ownership refer to it.
 */
import { z } from "zod";
import { asRecord, closedObject, crossCheck } from "../../core/schemas/closed";
import { TeamName } from "../../core/schemas/identifiers";
import { UserEmail } from "../user/schema";

export const TeamSpec = closedObject("a team", {
  /** The team's name: how Port addresses it. Changing it replaces the team. See {@link TeamName}. */
  name: TeamName,
  /** Free text describing the team. Omitted: none. */
  description: z.string().optional(),
  /**
   * Emails of the team's members; each must already be a user of the organization (invited or
   * active). A set: order does not matter. Omitted: membership is not managed by this team (it
   * comes from users' `teams`, SSO or Port's UI, and is kept as it is). Manage a team's
   * membership in one place only: here, or on the users.
   */
  users: z.array(UserEmail).optional(),
}).check(
  crossCheck((input, report) => {
    const users = asRecord(input)?.users;
    if (!Array.isArray(users)) return;
    users.forEach((email, index) => {
      if (typeof email === "string" && users.indexOf(email) !== index) {
        report({ path: ["users", index], input: email, message: `${JSON.stringify(email)} is listed twice. Remove the duplicate.` });
      }
    });
  }),
);
export type TeamSpec = z.output<typeof TeamSpec>;
export type TeamSpecInput = z.input<typeof TeamSpec>;
