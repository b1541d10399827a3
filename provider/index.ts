/**
 * The component package for other Pulumi languages (PulumiPlugin.yaml). Pulumi starts it
 * with its plugin runner (`@pulumi/pulumi/cmd/run-plugin`), which loads `main` of
 * package.json (this file, compiled to lib/provider/index.js by `npm ci`), finds the
 * component classes it exports and serves them: the package name (`polyaxon`, the package
 * of the components' type tokens) and namespace come from package.json's scoped name, and
 * the SDK's analyzer infers the schema from the args interfaces of these sources.
 */
export * from "../components/kinds/components.js";
