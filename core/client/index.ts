/** Port REST client: auth, retries, rate limits and typed errors. Imports no Pulumi, so it is usable anywhere. */
export * from "./base-url";
export * from "./envelope";
export * from "./envelope-field";
export * from "./errors";
export * from "./not-found";
export * from "./path-segment";
export * from "./port-client";
export * from "./redact";
export * from "./retry-policy";
export * from "./token";
