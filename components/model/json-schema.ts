/**
 * The JSON Schema of a stack file (`Pulumi.<stack>.yaml`), generated from the same zod
 * schemas that validate it, for editors (yaml-language-server) and other tools. Field
 * descriptions, defaults and examples come from the zod definitions (`.meta()`); shapes
 * used in several places are emitted once, under `$defs`.
 */
import { z } from "zod";
import { agentConfig } from "./agent.js";
import { artifactsStoreEntry, connectionEntry } from "./connection.js";
import { configMapRef, pvcProvision, secretRef } from "./resources.js";
import { connectionOrReference, libraryReference, stackConfig, storeOrReference } from "./stack.js";
import { configKeyOf } from "./config-keys.js";

/** Names of the shared shapes in `$defs` (others that repeat get generated names). */
const NAMED_SHAPES: [z.ZodType, string][] = [
  [connectionEntry, "ConnectionEntry"],
  [artifactsStoreEntry, "ArtifactsStoreEntry"],
  [secretRef, "SecretRef"],
  [configMapRef, "ConfigMapRef"],
  [pvcProvision, "PvcProvision"],
  [agentConfig, "AgentRelease"],
  [libraryReference, "LibraryReference"],
];

// An `id` in zod's registry names the shape in `$defs` wherever it is converted to JSON
// Schema (descriptions from `.meta()` stay). Registered once, when the model loads.
for (const [schema, id] of NAMED_SHAPES) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });

/** `description` with the default said, `… Default: "polyaxon".`, for editors that show only descriptions. */
export const withDefault = (description: string | undefined, value: string) => `${description ? `${description.replace(/\.?\s*$/, ".")} ` : ""}Default: ${value}.`;

/**
 * An entry's shapes (zod's `oneOf`, one per kind or family of kinds) as `if kind is … then
 * that shape`, under an enum of every kind the shapes take: an editor then offers every kind,
 * names them all when one is wrong, and checks the rest against the kind given (a `oneOf`
 * would report the closest shape's kind).
 */
function byKind(schema: Record<string, unknown>): void {
  const shapes = schema.oneOf as { properties: { kind: { const?: string; enum?: string[] } } }[];
  const kindOf = (shape: (typeof shapes)[number]) => shape.properties.kind;
  const { const: _one, enum: _some, ...about } = kindOf(shapes[0]!);
  delete schema.oneOf;
  Object.assign(schema, {
    type: "object",
    required: ["name", "kind"],
    properties: { kind: { ...about, enum: shapes.flatMap((shape) => kindOf(shape).enum ?? [kindOf(shape).const!]) } },
    allOf: shapes.map((shape) => {
      const { const: one, enum: some } = kindOf(shape);
      return { if: { properties: { kind: one === undefined ? { enum: some } : { const: one } }, required: ["kind"] }, then: shape };
    }),
  });
}

/** JSON Schema (draft 2020-12) of a stack file holding a Polyaxon catalog. */
export function stackFileJsonSchema(): Record<string, unknown> {
  const config = z.toJSONSchema(stackConfig, {
    io: "input",
    unrepresentable: "any",
    // Shapes used twice are written out again, not named `__schemaN` (editors show such names in completions).
    reused: "inline",
    override: (ctx) => {
      const schema = ctx.jsonSchema;
      // stringData holds values given by a Pulumi program: a stack file cannot use it, so editors do not offer it.
      if (ctx.zodSchema === secretRef) delete (schema.properties as Record<string, unknown> | undefined)?.stringData;
      if (ctx.zodSchema === connectionEntry || ctx.zodSchema === artifactsStoreEntry) byKind(schema);
      // An entry or a library reference: decided by the form (a name, or `use`), so that an entry's mistakes are reported as the entry's.
      if (ctx.zodSchema === connectionOrReference || ctx.zodSchema === storeOrReference) {
        const [entry, reference] = schema.anyOf as unknown[];
        delete schema.anyOf;
        Object.assign(schema, { if: { anyOf: [{ type: "string" }, { type: "object", required: ["use"] }] }, then: reference, else: entry });
      }
      // The default is written once, in the model (`.default()` or a `default` in `.meta()`); hovers show it from here.
      if (schema.default !== undefined) schema.description = withDefault(schema.description, JSON.stringify(schema.default));
    },
  }) as {
    properties: Record<string, Record<string, unknown>>;
    $defs?: Record<string, unknown>;
  };
  const properties = Object.fromEntries(Object.entries(config.properties).map(([key, schema]) => [configKeyOf(key), schema]));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://polyaxon-connections.dev/schema/stack.schema.json",
    title: "Pulumi stack file with a Polyaxon connection catalog",
    type: "object",
    properties: {
      config: {
        type: "object",
        description: "Stack config. polyaxon:* keys hold the catalog; other keys (secret values, kubernetes:context, ...) are free.",
        properties,
        additionalProperties: true,
      },
      secretsprovider: { type: "string" },
      encryptedkey: { type: "string" },
      encryptionsalt: { type: "string" },
      environment: {},
    },
    ...(config.$defs ? { $defs: config.$defs } : {}),
  };
}
