/**
 * Every cross-field rule, in a fixed order. Each is a pure function from the parsed stack
 * config to diagnostics, so it can be tested on its messages.
 */
import type { Diagnostic } from "../model/diagnostics.js";
import type { ConfigSource } from "../load/catalog.js";
import { checkEmptyConnections, checkStoreAdvice } from "./advice.js";
import { checkExtraValues } from "./agent-values.js";
import { checkAgentTokenNamespaces } from "./agent-token.js";
import { checkChartEnv } from "./chart-env.js";
import { checkChartTarget } from "./chart-target.js";
import { checkStoreWritable } from "./store-writable.js";
import { checkSecretConfigKeys } from "./secret-config-keys.js";
import type { CheckInput } from "./input.js";
import { checkCatalogMounts, checkGatewayMounts } from "./mounts.js";
import { checkKubernetesNames, checkUniqueNames } from "./names.js";
import { checkItemsExist, checkMountConnections, checkProvisionedOnce } from "./references.js";
import { checkEnvVarNames, checkSecretContracts } from "./secret-contracts.js";

export { type AgentPaths, agentItemPaths, type CheckInput, SHORT_FORM_PATHS } from "./input.js";
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

/** Every rule about one agent's catalog. */
export function crossChecks(config: CheckInput, source: ConfigSource): Diagnostic[] {
  return [
    ...checkUniqueNames(config),
    ...checkKubernetesNames(config),
    ...checkMountConnections(config),
    ...checkGatewayMounts(config),
    ...checkChartEnv(config),
    ...checkCatalogMounts(config),
    ...checkProvisionedOnce(config),
    ...checkItemsExist(config),
    ...checkEnvVarNames(config),
    ...checkSecretContracts(config, source),
    ...checkSecretConfigKeys(config, source),
    ...checkExtraValues(config),
    ...checkAgentTokenNamespaces(config),
    ...checkChartTarget(config),
    ...checkStoreWritable(config),
    ...checkStoreAdvice(config),
    ...checkEmptyConnections(config),
  ];
}
