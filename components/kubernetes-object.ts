/**
 * Registers one planned object (Secret, ConfigMap or PVC) as a Kubernetes resource.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { composeSecret, materialize, type PlannedObject, recipeKeys, type SecretRecipe } from "./catalog.js";

/** Gives the value of a secret config key (full form `polyaxon:key`) as a Pulumi secret. */
export type SecretResolver = (fullConfigKey: string) => pulumi.Output<string>;

/** A Secret value made from its recipe, as a Pulumi secret (assembled at deploy time). */
function secretOutput(recipe: SecretRecipe, secretValue: SecretResolver): pulumi.Output<string> {
  // A value copied from one key is that key's secret as it is (no three more outputs per value).
  if (recipe.from === "config") return secretValue(recipe.key);
  if (recipe.from === "program") return pulumi.secret(recipe.value.input as pulumi.Input<string>);
  const keys = recipeKeys(recipe);
  return pulumi.secret(
    pulumi.all(keys.map(secretValue)).apply((values) => {
      const byKey = new Map(keys.map((k, i) => [k, values[i]!]));
      return composeSecret(recipe, (k) => byKey.get(k)!);
    }),
  );
}

/**
 * The resource for `object`, as a child of `parent`. Resource names are
 * `<namespace>/<name>`, the object's own identity in the cluster, so they stay the same
 * whichever component owns the object.
 */
export function createKubernetesObject(object: PlannedObject, secretValue: SecretResolver, opts: pulumi.CustomResourceOptions): pulumi.CustomResource {
  const manifest = materialize(object, (recipe) => secretOutput(recipe, secretValue));
  const { apiVersion, kind, ...args } = manifest;
  const { namespace, name } = object.manifest.metadata;
  const resourceName = `${namespace}/${name}`;
  switch (kind) {
    case "Secret":
      return new k8s.core.v1.Secret(resourceName, args, opts);
    case "ConfigMap":
      return new k8s.core.v1.ConfigMap(resourceName, args, opts);
    case "ExternalSecret":
      // A custom resource of the External Secrets Operator (its CRDs must be installed).
      return new k8s.apiextensions.CustomResource(resourceName, manifest as k8s.apiextensions.CustomResourceArgs, opts);
    case "PersistentVolumeClaim":
      // Claims hold artifacts and data: removing one from the catalog leaves it in the cluster.
      return new k8s.core.v1.PersistentVolumeClaim(resourceName, args, {
        ...opts,
        retainOnDelete: object.retainOnDelete ?? true,
      });
    default:
      throw new Error(`unsupported object kind ${String(kind)} (${String(apiVersion)})`);
  }
}
