/**
 * Values as TypeScript source, the way a person writes them: keys unquoted where they can be,
 * objects and lists on one line when they fit, else one entry per line with trailing commas.
 * `Code` is source written as it is (a variable, `blueprints.service`, a call).
 */
export class Code {
  constructor(readonly text: string) {}
}

export const code = (text: string): Code => new Code(text);

const WIDTH = 110;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function printValue(value: unknown, indent = 0): string {
  if (value instanceof Code) return value.text;
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "undefined";
  const entries = Array.isArray(value)
    ? value.map((v) => printValue(v, indent + 2))
    : Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${printValue(v, indent + 2)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return `${open}${close}`;
  const inline = Array.isArray(value) ? `[${entries.join(", ")}]` : `{ ${entries.join(", ")} }`;
  if (!inline.includes("\n") && inline.length + indent <= WIDTH) return inline;
  const pad = " ".repeat(indent + 2);
  return `${open}\n${entries.map((e) => `${pad}${e},`).join("\n")}\n${" ".repeat(indent)}${close}`;
}
