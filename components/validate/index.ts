/** Validate: the rules, run on parsed agents and their plan; the only way to a Catalog. */
export type { CheckInput } from "./input.js";
export { checkEmptyConnections, checkStoreAdvice } from "./advice.js";
export { checkExtraValues } from "./agent-values.js";
export { checkChartEnv } from "./chart-env.js";
export { checkChartTarget } from "./chart-target.js";
export { checkStoreWritable } from "./store-writable.js";
export { checkAgentTokenNamespaces } from "./agent-token.js";
export { checkSecretConfigKeys, checkUnusedKeys, secretConfigRefs } from "./secret-config-keys.js";
export { checkCatalogMounts, checkGatewayMounts, pathClash } from "./mounts.js";
export { checkKubernetesNames, checkUniqueNames, labelProblem } from "./names.js";
export { checkItemsExist, checkMountConnections, checkProvisionedOnce } from "./references.js";
export { checkEnvVarNames, checkSecretContracts, notifierConfigProblem } from "./secret-contracts.js";
export { checkSecretPlacement, valuesHoldSecrets } from "./secret-placement.js";
export { checkClusterBoundary, CLUSTER_KEYS, namesItsCluster } from "./cluster.js";

export { crossChecks } from "./cross-checks.js";
export * from "./load-stack.js";
