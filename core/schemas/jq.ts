import * as jq from "jq-wasm";

/**
 * JQ checks with the real jq (jq-wasm: jq compiled to WebAssembly), so a mapping, template or
 * condition that Port would refuse fails at preview, naming the field. The expression is compiled
 * inside a branch that never runs: syntax errors and unknown functions are found, nothing is
 * evaluated. Port's own JQ variables (e.g. `$item`-free Port contexts) need no definitions here.
 */
export interface JqField {
  /** Dotted path of the field, e.g. `mappings[0].entity.properties.name`. */
  field: string;
  expression: string;
}

/** The compile error of one expression, as one line, or undefined when it compiles. */
export async function jqCompileError(expression: string): Promise<string | undefined> {
  // jq-wasm's Emscripten runtime sets process.exitCode to jq's own exit status (3 on a compile
  // error); restore it, so checking a bad expression does not make this process fail later.
  const exitCode = process.exitCode;
  try {
    await jq.raw("null", `if false then (${expression}\n) else null end`);
    return undefined;
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    const first = text.split("\n").find((line) => line.startsWith("jq: error")) ?? text.split("\n")[0];
    const line = Number(/ at <top-level>, line (\d+):?$/.exec(first)?.[1]);
    const message = first
      .replace(/^jq: error: /, "")
      .replace(/ \(Unix shell quoting issues\?\)/, "")
      .replace(/ at <top-level>, line \d+:?$/, "");
    // jq points into the text it compiled, which wraps the expression: an error on the wrapper's
    // last line (or at the end of the text, for an open string) means the expression itself ended
    // too early, whatever token jq names there.
    const lines = expression.split("\n").length;
    if (line > lines || message.includes("unexpected end of file")) return "the expression ends too early (an operator, bracket, parenthesis or string is left open)";
    return lines > 1 && line >= 1 ? `${message} (line ${line})` : message;
  } finally {
    process.exitCode = exitCode;
  }
}

/** `{{ expression }}` segments of a Port template string. */
export function templateExpressions(template: string): string[] {
  return [...template.matchAll(/\{\{([\s\S]*?)\}\}/g)].map((m) => m[1].trim());
}

/** One problem line per field whose JQ does not compile: `<kind> "<name>": field <field>: JQ ... does not compile: <error>. Fix the expression.` */
export async function jqProblems(kind: string, name: string, fields: JqField[]): Promise<{ field: string; message: string }[]> {
  const problems: { field: string; message: string }[] = [];
  for (const { field, expression } of fields) {
    const error = await jqCompileError(expression);
    if (error) {
      problems.push({ field, message: `${kind} "${name}": field ${field}: JQ ${JSON.stringify(expression)} does not compile: ${error}. Fix the expression.` });
    }
  }
  return problems;
}
