import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openStack, projectStacks } from "../../scripts/stack-target";

describe("the stack a command targets", () => {
  it("refuses a PORTAL_STACK with no Pulumi.<stack>.yaml, listing the project's stacks, instead of creating one", async () => {
    const error: Error = await openStack("acme").catch((e) => e);
    expect(error.message).toContain(`Stack "acme" has no Pulumi.acme.yaml in ${path.resolve(__dirname, "../..")}; the project's stacks are: `);
    // End-to-end suites running beside this one may add stacks of their own to the list.
    const listed = /the project's stacks are: ([^.]*)\./.exec(error.message)![1].split(", ");
    expect(listed).toEqual(expect.arrayContaining(["dev", "prod", "staging"]));
    expect(listed).not.toContain("acme");
  });

  it("lists a project's stacks from its Pulumi.<stack>.yaml files only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stacks-"));
    for (const file of ["Pulumi.yaml", "Pulumi.qa.yaml", "Pulumi.eu-prod.yaml", "Pulumi.qa.yaml.bak"]) fs.writeFileSync(path.join(dir, file), "");
    expect(projectStacks(dir)).toEqual(["eu-prod", "qa"]);
    fs.rmSync(dir, { recursive: true });
  });
});
