import { jqCompileError, jqProblems, templateExpressions } from "./jq";

describe("JQ checks", () => {
  it("accepts expressions that compile", async () => {
    expect(await jqCompileError(".body.name | ascii_downcase")).toBeUndefined();
    expect(await jqCompileError('if .properties.health == "degraded" then "open" else empty end')).toBeUndefined();
  });

  it("reports a syntax error without evaluating anything", async () => {
    expect(await jqCompileError(".body.name ] ")).toMatch(/^syntax error, unexpected/);
  });

  it("says an expression that stops mid-way ends too early, instead of naming a token of the text jq compiled around it", async () => {
    for (const expression of [".body.name | ", ".a | (.b", '"open'])
      expect(await jqCompileError(expression)).toBe("the expression ends too early (an operator, bracket, parenthesis or string is left open)");
  });

  it("names the line of a syntax error in an expression of several lines", async () => {
    expect(await jqCompileError(".a\n| .b ]\n| .c")).toMatch(/^syntax error, unexpected .* \(line 2\)$/);
  });

  it("reports a function jq does not know", async () => {
    expect(await jqCompileError(".x | nosuchfn")).toBe("nosuchfn/0 is not defined");
  });

  it("names the component and the field of every expression that fails", async () => {
    const problems = await jqProblems("Webhook", "github", [
      { field: "mappings[0].entity.identifier", expression: ".body.id" },
      { field: "mappings[0].entity.title", expression: ".body.] " },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe("mappings[0].entity.title");
    expect(problems[0].message).toMatch(/^Webhook "github": field mappings\[0\]\.entity\.title: JQ "\.body\.\] " does not compile: syntax error.*\. Fix the expression\.$/);
  });

  it("finds the {{ }} expressions of a Port template", () => {
    expect(templateExpressions("https://ci/{{ .inputs.repo }}/run?by={{.trigger.by.user.email}}")).toEqual([".inputs.repo", ".trigger.by.user.email"]);
  });
});

describe("JQ checks and the process", () => {
  it("leave the process exit code as it was after a failing expression", async () => {
    const before = process.exitCode;
    await jqCompileError(".a | (");
    expect(process.exitCode).toBe(before);
  });
});
