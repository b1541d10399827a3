/**
 * The parts of js-yaml 4.1.0 (installed under the alias `js-yaml-4`, which has no types)
 * that `fromYaml` uses. It parses stack files in about half the time and memory of js-yaml
 * 5, which builds a list of events first (docs/performance.md).
 */
/** A schema, which can be extended with more types. */
export interface JsYaml4Schema {
  extend(types: { implicit?: object[]; explicit?: object[] }): JsYaml4Schema;
}

export interface JsYaml4 {
  /** The failsafe schema (strings, sequences, mappings), to build other schemas on. */
  FAILSAFE_SCHEMA: JsYaml4Schema;
  /** A type for `tag` (`kind: "scalar"`), with its own resolution and construction. */
  Type: new (tag: string, options: { kind: "scalar"; resolve(text: string | null): boolean; construct(text: string | null): unknown }) => object;
  /** The YAML 1.2 core schema. */
  CORE_SCHEMA: object;
  load(text: string, options?: { schema?: object; filename?: string }): unknown;
}
