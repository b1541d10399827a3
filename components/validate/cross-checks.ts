/**
 * Every rule about one agent, in a fixed order. Each is a pure function from the parsed
 * agent (and its plan) to diagnostics, so it can be tested on its messages.
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
import { checkKubernetesNames, checkUniqueNames, checkUnparsedEntryNames } from "./names.js";
import { checkItemsExist, checkMountConnections, checkProvisionedOnce } from "./references.js";
import { checkEnvVarNames, checkSecretContracts } from "./secret-contracts.js";
import { checkSecretKeyOnce } from "./secret-key-once.js";

/** Every rule about one agent's catalog. */
export function crossChecks(config: CheckInput, source: ConfigSource): Diagnostic[] {
  return [
    ...checkUniqueNames(config),
    ...checkKubernetesNames(config),
    ...(config.unparsedEntries ?? []).flatMap(({ raw, path }) => checkUnparsedEntryNames(raw, path)),
    ...checkMountConnections(config),
    ...checkGatewayMounts(config),
    ...checkChartEnv(config),
    ...checkCatalogMounts(config),
    ...checkProvisionedOnce(config),
    ...checkItemsExist(config),
    ...checkEnvVarNames(config),
    ...checkSecretKeyOnce(config),
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
