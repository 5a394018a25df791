/**
 * Patterns and enumerations from Port's OpenAPI spec (port-api.md §0 and §3), written out here
 * rather than imported from schemas/ so the emulator can catch mistakes in our own schemas.
 */

/** Blueprint identifier; the look-ahead forbids the literal "." and "..". */
export const BLUEPRINT_IDENTIFIER = /^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/-]+$/u;
export const BLUEPRINT_IDENTIFIER_MAX = 100;

export const ENTITY_IDENTIFIER = /^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/=-]+$/u;
export const ENTITY_IDENTIFIER_MAX = 1000;

/** Keys of properties, relations, mirror, calculation and aggregation properties. */
export const PROPERTY_KEY = /^[A-Za-z0-9@_=\\-]+$/;
export const PROPERTY_KEY_MAX = 100;

export const PROPERTY_TYPES = ["string", "number", "boolean", "object", "array"];

export const PROPERTY_FORMATS = ["date-time", "url", "email", "idn-email", "ipv4", "ipv6", "markdown", "yaml", "user", "blueprints", "team", "timer", "proto", "labeled-url"];

/** Calculation properties accept the property formats except these two. */
export const CALCULATION_FORMATS = PROPERTY_FORMATS.filter((f) => f !== "blueprints" && f !== "timer");

export const PROPERTY_SPECS = ["open-api", "embedded-url", "async-api"];

export const COLORS = [
  "blue",
  "turquoise",
  "orange",
  "purple",
  "pink",
  "yellow",
  "green",
  "red",
  "gold",
  "silver",
  "paleBlue",
  "darkGray",
  "lightGray",
  "bronze",
  "lime",
  "olive",
  "brown",
];

export const AVERAGE_OF = ["hour", "day", "week", "month", "total"];
export const PROPERTY_AGGREGATION_FUNCS = ["sum", "min", "max", "median"];

/** Server-managed fields: accepted in bodies (clients echo them back) but never taken from them. */
export const META_FIELDS = ["createdAt", "createdBy", "updatedAt", "updatedBy"];
