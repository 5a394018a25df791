import { createPage, deletePage, getPage, replacePage, type PortPageBody } from "./client";
import { type PortClient } from "../../core/client/port-client";
import { PageSpec } from "./schema";
import { PortDocument, documentLogic } from "../../core/providers/document-logic";
import { normalizePage } from "./document";
import { ResourceLogic, withoutMeta, withoutPulumiKeys } from "../../core/providers/resource-logic";

/**
 * Pages (port-api.md §10). Dashboards are created and deleted. The home page and entity pages
 * exist without us (Port makes them with the org and with each blueprint) and cannot be created
 * or deleted, so they are ADOPTED instead: create reads the page, keeps what Port held in the
 * output `original`, and PUTs ours; delete PUTs `original` back, so destroy leaves the page as
 * it was before the stack took it over. See page-document.ts for which lists are ordered.
 */

/** The output holding an adopted page as Port had it before adoption (absent for dashboards). */
const ORIGINAL = "original";

function adopts(doc: PortDocument): boolean {
  return doc.type === "home" || doc.type === "entity";
}

/** Outputs without `original`, as the shared document logic expects them (Port's fields and managedKeys). */
function withoutOriginal(outputs: Record<string, any>): Record<string, any> {
  const { [ORIGINAL]: _original, ...rest } = outputs;
  return rest;
}

const pageDocumentLogic = documentLogic({
  kind: "Dashboard",
  schema: PageSpec,
  idOf: (spec) => String(spec.identifier),
  nameOf: (spec) => String(spec.identifier ?? "(no identifier)"),
  // A page keeps its type in Port; a dashboard cannot become the home page in place.
  replaceOn: ["type"],
  normalize: normalizePage,
  shapeOf: (doc) => (doc.type === "dashboard" ? "a dashboard" : `a ${String(doc.type)} page`),
  api: {
    get: (client: PortClient, id) => getPage(client, id),
    create: (client, spec) => createPage(client, spec as PortPageBody),
    replace: (client, id, body) => replacePage(client, id, body as PortPageBody),
    async remove(client, id) {
      await deletePage(client, id); // already gone counts as done
    },
  },
});

/** Takes over a page Port made: remember it, then apply the spec as an update of it. */
async function adopt(client: PortClient, inputs: Record<string, any>): Promise<{ id: string; outs: Record<string, any> }> {
  const id = String(inputs.identifier);
  const existing = await getPage(client, id);
  if (existing === undefined) {
    const made = inputs.type === "home" ? "with the organization" : `with blueprint "${String(inputs.blueprint)}"`;
    throw new Error(
      `Dashboard "${id}": page "${id}" does not exist in Port. It cannot be created, only adopted: Port makes it ${made}. Create the blueprint first, or check the identifier.`,
    );
  }
  // No managedKeys yet: every key Port holds that the spec leaves out is kept.
  const { outs } = await pageDocumentLogic.update(client, id, existing, inputs);
  return { id, outs: { ...outs, [ORIGINAL]: withoutMeta(existing) } };
}

export const pageLogic: ResourceLogic = {
  check: (olds, news) => pageDocumentLogic.check(olds, news),

  diff: (id, olds, news) => pageDocumentLogic.diff(id, withoutOriginal(olds), news),

  async create(client, inputs) {
    const spec = withoutPulumiKeys(inputs);
    return adopts(spec) ? adopt(client, spec) : pageDocumentLogic.create(client, spec);
  },

  // Home and entity pages are always adopted; a dashboard with `adopt` is taken over like any document.
  adopt: (client, inputs) => (adopts(inputs) ? adopt(client, withoutPulumiKeys(inputs)) : pageDocumentLogic.adopt!(client, inputs)),

  async read(client, id, props) {
    const result = await pageDocumentLogic.read(client, id, withoutOriginal(props));
    if (result.props === undefined || props[ORIGINAL] === undefined) return result;
    return { ...result, props: { ...result.props, [ORIGINAL]: props[ORIGINAL] } };
  },

  async update(client, id, olds, news) {
    const { outs } = await pageDocumentLogic.update(client, id, withoutOriginal(olds), news);
    return { outs: olds[ORIGINAL] === undefined ? outs : { ...outs, [ORIGINAL]: olds[ORIGINAL] } };
  },

  async delete(client, id, props) {
    if (!adopts(props)) {
      await pageDocumentLogic.delete(client, id, props);
      return;
    }
    // Never DELETE a page Port owns: put back what it held (a page already gone, e.g. with its blueprint, is done).
    const original = props[ORIGINAL] as PortDocument | undefined;
    if (original === undefined || (await getPage(client, id)) === undefined) return;
    await replacePage(client, id, original as PortPageBody);
  },
};
