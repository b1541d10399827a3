/**
 * Defaults are written once, in the model (zod `.default()`, or `default` in `.meta()` where
 * Polyaxon or Kubernetes applies it), and reach the stack file's JSON Schema from there. The
 * typed args say them again in TSDoc `@default`, which the component package schema reads
 * (provider/schema-defaults.ts): this test holds each such tag to the model's value.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { z } from "zod";
import { agentConfig, chartRef } from "../components/model/agent.js";
import { pvcProvision } from "../components/model/resources.js";
import { agentCatalog } from "../components/model/stack.js";
import { defaultsOf } from "../provider/schema-defaults.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/** The model's default of `key`: the JSON Schema's `default`, or what parsing nothing gives (a nested object's defaults). */
function modelDefault(schema: ObjectSchema, key: string): unknown {
  const field = schema.shape[key] as z.ZodType;
  const declared = (z.toJSONSchema(field, { io: "input", unrepresentable: "any" }) as { default?: unknown }).default;
  const isEmptyObject = typeof declared === "object" && declared !== null && !Array.isArray(declared) && Object.keys(declared).length === 0;
  return isEmptyObject ? field.parse(undefined) : declared;
}

const AGENT = [agentCatalog, agentConfig] as unknown as ObjectSchema[];

/** Sources → interface → the model objects holding its properties. */
const PAIRS: [string[], string, ObjectSchema[]][] = [
  [["agent-args.ts"], "AgentArgs", AGENT],
  [["kinds/args.ts"], "CommonArgs", AGENT],
  [["kinds/components.ts"], "ClaimSpec", [pvcProvision as unknown as ObjectSchema]],
  [["package/agent.ts"], "AgentArgs", AGENT],
  [["package/args.ts"], "ChartSpec", [chartRef as unknown as ObjectSchema]],
];

describe("defaults", () => {
  for (const [files, name, schemas] of PAIRS) {
    it(`${name} (${files.join(", ")}): its @default tags say the model's defaults`, () => {
      const tags = defaultsOf(files.map((f) => join(PROJECT_ROOT, "components", f)));
      let compared = 0;
      for (const [key, text] of tags.get(name) ?? []) {
        const schema = schemas.find((s) => key in s.shape);
        if (!schema) continue;
        const model = modelDefault(schema, key);
        // Where the model has none (unset, or filled in by the loader), the tag describes what happens.
        if (model === undefined) continue;
        let said: unknown;
        try {
          said = JSON.parse(text);
        } catch {
          assert.fail(`${name}.${key}: @default ${text} is not the model's ${JSON.stringify(model)}`);
        }
        assert.deepEqual(said, model, `${name}.${key}`);
        compared++;
      }
      assert.ok(compared >= 2, `${name}: only ${compared} defaults compared`);
    });
  }
});
