/**
 * The component package for other Pulumi languages (PulumiPlugin.yaml). Pulumi starts it
 * with its plugin runner (`@pulumi/pulumi/cmd/run-plugin`), which loads `main` of
 * package.json (this file, compiled to lib/provider/index.js by `npm ci`) and, as it
 * exports no component class, calls the function it exports: that serves the Agent
 * (components/package/agent.ts) and the per-kind components with Pulumi's component
 * provider, whose analyzer infers the schema from the args interfaces of these sources.
 * Each component's args are resolved first (components/package/construct-inputs.ts): from
 * another language, Outputs and secrets arrive inside them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { main } from "@pulumi/pulumi/provider";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { Agent } from "../components/package/agent.js";
import * as kinds from "../components/kinds/components.js";
import { plainConstructArgs } from "../components/package/construct-inputs.js";
import { addDefaults, defaultsOf } from "./schema-defaults.js";

/** This folder: the sources the analyzer reads (from lib/provider when compiled). */
const DIR = existsSync(join(__dirname, "PulumiPlugin.yaml")) ? __dirname : join(__dirname, "../../provider");

/** `@<namespace>/<name>` of package.json: the schema's package name and namespace, as the plugin runner reads them. */
function packageName(): { name: string; namespace?: string } {
  const { name } = JSON.parse(readFileSync(join(DIR, "package.json"), "utf8")) as { name: string };
  const m = /^(?:@([^/]+)\/)?(.+)$/.exec(name)!;
  return { name: m[2]!, ...(m[1] ? { namespace: m[1] } : {}) };
}

/** The sources of the components' args (the analyzer reads them too). */
const ARGS_SOURCES = ["kinds/args", "kinds/components", "package/args", "package/agent"].map((f) => join(DIR, "../components", `${f}.ts`));

/**
 * Pulumi's component provider, with each arg's `@default` said in the schema, and each
 * component's args made plain before it is built (a secret in the chart values makes them
 * secret: `secretValues`).
 */
class KindComponentProvider extends ComponentProvider {
  override async getSchema(): Promise<string> {
    const schema = JSON.parse(await super.getSchema());
    addDefaults(schema, defaultsOf(ARGS_SOURCES));
    return JSON.stringify(schema);
  }

  override async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions) {
    const { args, secretValues } = await plainConstructArgs(`${type} ${name}`, inputs);
    return super.construct(name, type, secretValues ? { ...args, secretValues } : args, options);
  }
}

/** Serve the package (the plugin runner calls this). */
export = function serve(): Promise<void> {
  const provider = new KindComponentProvider({ ...packageName(), dirname: DIR, components: [Agent, ...Object.values(kinds)] });
  return main(provider, process.argv.slice(2));
};
