/** zod schemas for Port objects: the only place a shape is written; types are inferred from them. */
export * from "./identifiers";
export * from "./entity-query";
export * from "./blueprint-property";
export * from "./aggregation-property";
export * from "./blueprint";
export * from "./problems";
export { closedEnum, closedObject, closedUnion, crossCheck, type ClosedSetText, type CrossCheckProblem } from "./closed";
