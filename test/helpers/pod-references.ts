/**
 * What the rendered workloads read from the cluster: the Secrets, ConfigMaps and claims
 * their pods mount, load with envFrom or read a key of.
 */
import type { K8sObject } from "./helm.js";

export interface PodReference {
  kind: "Secret" | "ConfigMap" | "PersistentVolumeClaim";
  name: string;
  /** The workload and the field that reads it. */
  where: string;
  /** `optional: true`: the pod starts without it. */
  optional: boolean;
}

type Mapping = Record<string, unknown>;
const asMapping = (v: unknown): Mapping => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Mapping) : {});
const asList = (v: unknown): Mapping[] => (Array.isArray(v) ? v.map(asMapping) : []);

/** The pod spec of a workload, or undefined for other kinds. */
function podSpec(object: K8sObject): Mapping | undefined {
  const spec = asMapping(object.spec);
  if (object.kind === "Pod") return spec;
  if (["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"].includes(object.kind)) return asMapping(asMapping(spec.template).spec);
  if (object.kind === "CronJob") return asMapping(asMapping(asMapping(asMapping(spec.jobTemplate).spec).template).spec);
  return undefined;
}

export function podReferences(objects: readonly K8sObject[]): PodReference[] {
  const out: PodReference[] = [];
  for (const object of objects) {
    const spec = podSpec(object);
    if (!spec) continue;
    const at = `${object.kind}/${object.metadata.name}`;
    const add = (kind: PodReference["kind"], ref: Mapping, name: unknown, field: string) => {
      if (typeof name === "string") out.push({ kind, name, where: `${at} ${field}`, optional: ref.optional === true });
    };
    for (const volume of asList(spec.volumes)) {
      const secret = asMapping(volume.secret);
      const configMap = asMapping(volume.configMap);
      add("Secret", secret, secret.secretName, `volume ${String(volume.name)}`);
      add("ConfigMap", configMap, configMap.name, `volume ${String(volume.name)}`);
      add("PersistentVolumeClaim", {}, asMapping(volume.persistentVolumeClaim).claimName, `volume ${String(volume.name)}`);
      for (const source of asList(asMapping(volume.projected).sources)) {
        add("Secret", asMapping(source.secret), asMapping(source.secret).name, `volume ${String(volume.name)}`);
        add("ConfigMap", asMapping(source.configMap), asMapping(source.configMap).name, `volume ${String(volume.name)}`);
      }
    }
    for (const pullSecret of asList(spec.imagePullSecrets)) add("Secret", {}, pullSecret.name, "imagePullSecrets");
    for (const container of [...asList(spec.initContainers), ...asList(spec.containers)]) {
      const c = `container ${String(container.name)}`;
      for (const from of asList(container.envFrom)) {
        add("Secret", asMapping(from.secretRef), asMapping(from.secretRef).name, `${c} envFrom`);
        add("ConfigMap", asMapping(from.configMapRef), asMapping(from.configMapRef).name, `${c} envFrom`);
      }
      for (const env of asList(container.env)) {
        const valueFrom = asMapping(env.valueFrom);
        add("Secret", asMapping(valueFrom.secretKeyRef), asMapping(valueFrom.secretKeyRef).name, `${c} env ${String(env.name)}`);
        add("ConfigMap", asMapping(valueFrom.configMapKeyRef), asMapping(valueFrom.configMapKeyRef).name, `${c} env ${String(env.name)}`);
      }
    }
  }
  return out;
}
