/**
 * Entry point of the component provider (PulumiPlugin.yaml): Pulumi's SDK infers the
 * package schema from the components' args interfaces and serves them to other languages.
 */
import { componentProviderHost } from "@pulumi/pulumi/provider/experimental";
import { PROVIDED_COMPONENTS } from "./components.js";

export * from "./components.js";

if (require.main === module) {
  void componentProviderHost({ dirname: __dirname, name: "polyaxon-connections", namespace: "polyaxon", components: PROVIDED_COMPONENTS });
}
