/**
 * The pure catalog layer, without the Pulumi SDK: what the CLI and scripts import. The
 * folders follow the flow a connection takes: model (zod schemas, kinds, rules) → load
 * (config → parsed catalogs) → plan (values, objects) → validate (cross-field rules on the
 * catalog and on the plan; the only way to obtain a Catalog).
 */
export * from "./model/index.js";
export * from "./load/index.js";
export * from "./plan/index.js";
export * from "./validate/index.js";
