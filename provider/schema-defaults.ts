/**
 * The component analyzer (`@pulumi/pulumi/provider/experimental`) keeps the text of a
 * property's TSDoc but drops its block tags, so an arg's `@default` would not reach the
 * package schema that Python, Go, C# and YAML programs read. This reads the tags from the
 * same sources, with the TypeScript the analyzer loads itself, and says the default in each
 * property's description: the args' TSDoc stays the one place a default is written.
 */
import { readFileSync } from "node:fs";
import type * as TS from "typescript";
import { withDefault } from "../components/model/json-schema.js";

// The TypeScript of the SDK's analyzer: the project's own, or the SDK's vendored copy.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS shim without types
const ts = require("@pulumi/pulumi/typescript-shim") as typeof TS;

/** Interface name → property → the text of its `@default` tag (inherited properties included). */
export type Defaults = Map<string, Map<string, string>>;

/** The text of a JSDoc tag's comment, in the TypeScript versions the shim may load. */
function tagText(tag: TS.JSDocTag): string {
  const comment = tag.comment as string | TS.NodeArray<TS.JSDocComment> | undefined;
  if (typeof comment === "string" || comment === undefined) return comment?.trim() ?? "";
  return comment
    .map((part) => part.text)
    .join("")
    .trim();
}

/** The `@default` tags of every interface in `files`, with those of the interfaces they extend. */
export function defaultsOf(files: readonly string[]): Defaults {
  const own = new Map<string, Map<string, string>>();
  const parents = new Map<string, string[]>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (!ts.isInterfaceDeclaration(node)) return;
      const props = new Map<string, string>();
      for (const member of node.members) {
        const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === "default");
        if (tag && member.name && ts.isIdentifier(member.name)) props.set(member.name.text, tagText(tag));
      }
      own.set(node.name.text, props);
      parents.set(
        node.name.text,
        (node.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(source))),
      );
    });
  }
  const all = (name: string): Map<string, string> => new Map([...(parents.get(name) ?? []).flatMap((p) => [...all(p)]), ...(own.get(name) ?? [])]);
  return new Map([...own.keys()].map((name) => [name, all(name)]));
}

interface SchemaProperty {
  description?: string;
}

/**
 * Say each property's default in the package `schema` (as generated from the analyzer):
 * a component's inputs come from `<Component>Args`, a type's properties from the
 * interface of its name.
 */
export function addDefaults(
  schema: {
    name: string;
    resources?: Record<string, { inputProperties?: Record<string, SchemaProperty> }>;
    types?: Record<string, { properties?: Record<string, SchemaProperty> }>;
  },
  defaults: Defaults,
): void {
  const token = (name: string) => `${schema.name}:index:${name}`;
  const apply = (props: Record<string, SchemaProperty> | undefined, found: Map<string, string> | undefined) => {
    for (const [name, value] of found ?? []) if (props?.[name]) props[name].description = withDefault(props[name].description, value);
  };
  for (const [name, found] of defaults) {
    if (name.endsWith("Args")) apply(schema.resources?.[token(name.slice(0, -"Args".length))]?.inputProperties, found);
    apply(schema.types?.[token(name)]?.properties, found);
  }
}
