import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

// The GitHub Actions workflows must be valid and call only commands this project has.
const root = path.resolve(__dirname, "../..");
const workflowsDir = path.join(root, ".github/workflows");
const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts);
// The committed stacks: end-to-end tests running beside this one add their own stack files for a while.
const stacks = execFileSync("git", ["ls-files", "Pulumi.*.yaml"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
  .filter((s): s is string => Boolean(s))
  .sort();

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Job = { "runs-on": string; needs?: string | string[]; environment?: string; steps: Step[]; strategy?: { matrix?: Record<string, unknown> } };
type Workflow = { name: string; on: Record<string, unknown>; jobs: Record<string, Job> };

const load = (file: string): Workflow => parse(fs.readFileSync(path.join(workflowsDir, file), "utf8"));

/** `npm run <script>` and `npm test` invocations in a step's shell text. */
function npmScripts(run: string): string[] {
  return [...run.matchAll(/npm (?:run ([\w:-]+)|(test)\b)/g)].map((m) => m[1] ?? m[2]);
}

describe("CI workflows", () => {
  const files = fs.readdirSync(workflowsDir).filter((f) => f.endsWith(".yml"));

  it("are the preview and deploy workflows", () => {
    expect(files.sort()).toEqual(["deploy.yml", "preview.yml"]);
  });

  it.each(["deploy.yml", "preview.yml"])("%s is a well-formed workflow whose steps call existing npm scripts", (file) => {
    const workflow = load(file);
    expect(typeof workflow.name).toBe("string");
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect([name, typeof job["runs-on"]]).toEqual([name, "string"]);
      expect(job.steps.length).toBeGreaterThan(0);
      for (const step of job.steps) {
        expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
        if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
        for (const script of npmScripts(step.run ?? "")) expect(scripts).toContain(script);
      }
      for (const needed of [job.needs ?? []].flat()) expect(Object.keys(workflow.jobs)).toContain(needed);
    }
  });

  it.each(["deploy.yml", "preview.yml"])("%s installs the Pulumi CLI with Pulumi's own action, before the first npm step of every job that has one", (file) => {
    for (const [name, job] of Object.entries(load(file).jobs)) {
      const firstNpm = job.steps.findIndex((s) => npmScripts(s.run ?? "").length > 0);
      if (firstNpm < 0) continue;
      const install = job.steps.findIndex((s) => s.uses?.startsWith("pulumi/actions@"));
      expect([name, install >= 0 && install < firstNpm]).toEqual([name, true]);
      expect([name, job.steps.some((s) => s.uses?.startsWith("actions/setup-go@"))]).toEqual([name, false]);
    }
  });

  it("previews every stack on pull requests and posts one comment", () => {
    const workflow = load("preview.yml");
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect([...(workflow.jobs.preview.strategy?.matrix?.stack as string[])].sort()).toEqual(stacks);
    expect(workflow.jobs.preview.steps.some((s) => s.run?.startsWith("npm run preview:summary -- ${{ matrix.stack }}"))).toBe(true);
    expect(workflow.jobs.comment.needs).toBe("preview");
    expect(workflow.jobs.test.steps.map((s) => s.run).filter(Boolean)).toEqual(["npm test"]);
  });

  it("applies dev on main and promotes to staging and prod through protected environments", () => {
    const workflow = load("deploy.yml");
    expect(workflow.on.push).toEqual({ branches: ["main"] });
    const order = ["dev", "staging", "prod"];
    expect(Object.keys(workflow.jobs)).toEqual(order);
    for (const [i, stack] of order.entries()) {
      const job = workflow.jobs[stack];
      expect(job.environment).toBe(stack);
      expect(job.needs).toEqual(i === 0 ? undefined : order[i - 1]);
      const runs = job.steps.map((s) => s.run).filter(Boolean);
      expect(runs).toEqual(i === 0 ? ["npm run up"] : [`npm run promote -- ${order[i - 1]} ${stack}`, "npm run up"]);
    }
  });
});
