/** Plan: validated catalogs → values, objects, secret recipes and rollout; deterministic. */
export * from "./objects.js";
export * from "./plan.js";
export * from "./redact.js";
export * from "./rollout.js";
export * from "./secret-recipes.js";
export * from "./values.js";
