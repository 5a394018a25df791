export * from "./blueprint";
export * from "./portal-error";
export * from "./portal-model";
export type { DeepInput } from "./input-types";
