/** zod schemas for Port objects: the only place a shape is written; types are inferred from them. */
export * from "./identifiers";
export * from "./entity-query";
export * from "./problems";
export * from "./jq-expression";
export { closedEnum, closedObject, closedUnion, crossCheck, keysOf, openObject, type ClosedSetText, type CrossCheckProblem, type OpenObjectOptions } from "./closed";
export * from "./jq-query";
