/** The components this package serves to other Pulumi languages (plain, union-free args). */
import * as kinds from "../components/kinds/components.js";

// Re-exported from here so that the analyzer, following exports from the entry, finds them.
export * from "../components/kinds/components.js";

/** Every per-kind component class (the module exports nothing else at run time). */
export const PROVIDED_COMPONENTS = Object.values(kinds);
