/** POST /v1/auth/access_token: exchanges configured client credentials for a bearer token. */
import { unauthorized } from "./api-error";
import { checkNoExtraKeys, checkString } from "./field-checks";
import { Problems, requireBodyObject } from "./validation-problems";
import type { TokenIssuer } from "./auth";
import type { Router } from "./router";

export const TOKEN_ROUTE = "/v1/auth/access_token";

export function registerTokenRoute(router: Router, issuer: TokenIssuer): void {
  router.add(
    "POST",
    TOKEN_ROUTE,
    ({ body }) => {
      const doc = requireBodyObject(body);
      const problems = new Problems();
      checkString(problems, "/clientId", doc.clientId, { required: true });
      checkString(problems, "/clientSecret", doc.clientSecret, { required: true });
      checkNoExtraKeys(problems, "/", doc, ["clientId", "clientSecret"]);
      problems.throwIfAny();
      const token = issuer.issue(doc.clientId as string, doc.clientSecret as string);
      if (!token) throw unauthorized("The client credentials are not valid");
      return { body: { ok: true, accessToken: token.accessToken, expiresIn: token.expiresIn, tokenType: "Bearer" } };
    },
    { public: true },
  );
}
