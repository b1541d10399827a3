/**
 * One component per family of connection kinds, each with plain typed args (usable from
 * any Pulumi language) and usable on its own or inside an Agent (`connections: [c]`).
 */
import * as pulumi from "@pulumi/pulumi";
import type { ConnectionEntryArgs, ProvisionedConnection } from "../agent-args.js";
import type { ConnectionSpec } from "../package/args.js";
import type { BucketConnectionKind, ClaimAccessMode, ClaimVolumeMode, CommonArgs, GenericConnectionKind, GitConnectionKind, NotifierConnectionKind } from "./args.js";
import { connectionOf, defined, entryOf, prepareConnection, provisionConnection } from "./kind-connection.js";

/** An s3, gcs or wasb bucket (also an artifacts store). */
export interface BucketConnectionArgs extends CommonArgs {
  /** `s3`, `gcs` or `wasb` (Polyaxon's `kind`). */
  kind: BucketConnectionKind;
  /** The bucket URL: `s3://bucket/prefix`, `gs://bucket`, `wasbs://container@account.blob.core.windows.net/`, ... */
  bucket: string;
}

/** Token `polyaxon:index:BucketConnection`. */
export class BucketConnection extends pulumi.ComponentResource implements ProvisionedConnection {
  /** The entry as written into the agent's Helm values. */
  readonly catalogEntry: pulumi.Output<ConnectionSpec>;
  /** Ids (`Kind/namespace/name`) of the objects created. */
  readonly objectIds: pulumi.Output<string[]>;

  constructor(name: string, args: BucketConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    const prepared = prepareConnection(name, args, entryOf(args, { kind: args.kind, schema: { bucket: args.bucket } }), opts);
    super("polyaxon:index:BucketConnection", name, {}, opts);
    ({ catalogEntry: this.catalogEntry, objectIds: this.objectIds } = provisionConnection(this, prepared));
    this.registerOutputs({ catalogEntry: this.catalogEntry, objectIds: this.objectIds });
  }

  /** The connection as an Agent takes it (this component provisions its objects). */
  agentConnection(): ConnectionEntryArgs {
    return connectionOf(this);
  }
}

/** A PersistentVolumeClaim to create with a volume_claim connection. */
export interface ClaimSpec {
  /** Requested capacity, a Kubernetes quantity such as 100Gi. */
  size: string;
  /** StorageClass (`spec.storageClassName`). @default unset: the cluster's default class */
  storageClassName?: string;
  /** `spec.accessModes`: runs on several nodes share a ReadWriteMany claim. @default ["ReadWriteMany"] */
  accessModes?: ClaimAccessMode[];
  /** `spec.volumeMode`. @default "Filesystem" */
  volumeMode?: ClaimVolumeMode;
  /** Bind to this PersistentVolume (`spec.volumeName`). @default unset */
  volumeName?: string;
}

/** A volume_claim connection: a claim mounted into runs. */
export interface VolumeClaimConnectionArgs extends CommonArgs {
  /** Name of the PersistentVolumeClaim (`schema.volumeClaim`). */
  volumeClaim: string;
  /** Where runs see it (`schema.mountPath`). */
  mountPath: string;
  /** Mount it read-only (`schema.readOnly`). @default false */
  readOnly?: boolean;
  /** Create the claim (retained when removed from the stack). @default unset: the claim exists */
  pvc?: ClaimSpec;
}

/** Token `polyaxon:index:VolumeClaimConnection`. */
export class VolumeClaimConnection extends pulumi.ComponentResource implements ProvisionedConnection {
  /** The entry as written into the agent's Helm values. */
  readonly catalogEntry: pulumi.Output<ConnectionSpec>;
  /** Ids (`Kind/namespace/name`) of the objects created. */
  readonly objectIds: pulumi.Output<string[]>;

  constructor(name: string, args: VolumeClaimConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    const schema = defined({ volumeClaim: args.volumeClaim, mountPath: args.mountPath, readOnly: args.readOnly });
    const prepared = prepareConnection(name, args, entryOf(args, { kind: "volume_claim", schema, pvc: args.pvc }), opts);
    super("polyaxon:index:VolumeClaimConnection", name, {}, opts);
    ({ catalogEntry: this.catalogEntry, objectIds: this.objectIds } = provisionConnection(this, prepared));
    this.registerOutputs({ catalogEntry: this.catalogEntry, objectIds: this.objectIds });
  }

  /** The connection as an Agent takes it (this component provisions its objects). */
  agentConnection(): ConnectionEntryArgs {
    return connectionOf(this);
  }
}

/** A host_path connection: a node directory mounted into runs. */
export interface HostPathConnectionArgs extends CommonArgs {
  /** The directory on every node (`schema.hostPath`). */
  hostPath: string;
  /** Where runs see it (`schema.mountPath`). */
  mountPath: string;
  /** Mount it read-only (`schema.readOnly`). @default false */
  readOnly?: boolean;
}

/** Token `polyaxon:index:HostPathConnection`. */
export class HostPathConnection extends pulumi.ComponentResource implements ProvisionedConnection {
  /** The entry as written into the agent's Helm values. */
  readonly catalogEntry: pulumi.Output<ConnectionSpec>;
  /** Ids (`Kind/namespace/name`) of the objects created. */
  readonly objectIds: pulumi.Output<string[]>;

  constructor(name: string, args: HostPathConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    const schema = defined({ hostPath: args.hostPath, mountPath: args.mountPath, readOnly: args.readOnly });
    const prepared = prepareConnection(name, args, entryOf(args, { kind: "host_path", schema }), opts);
    super("polyaxon:index:HostPathConnection", name, {}, opts);
    ({ catalogEntry: this.catalogEntry, objectIds: this.objectIds } = provisionConnection(this, prepared));
    this.registerOutputs({ catalogEntry: this.catalogEntry, objectIds: this.objectIds });
  }

  /** The connection as an Agent takes it (this component provisions its objects). */
  agentConnection(): ConnectionEntryArgs {
    return connectionOf(this);
  }
}

/** A git repository (or an ssh connection used with a git init). */
export interface GitConnectionArgs extends CommonArgs {
  /** `git`, or `ssh` for a repository reached over ssh. @default "git" */
  kind?: GitConnectionKind;
  /** The repository (`schema.url`). @default unset: runs give it */
  url?: string;
  /** Branch, tag or commit (`schema.revision`). @default unset: the default branch */
  revision?: string;
  /** Extra `git` flags (`schema.flags`), e.g. ["--depth 1"]. @default [] */
  flags?: string[];
}

/** Token `polyaxon:index:GitConnection`. */
export class GitConnection extends pulumi.ComponentResource implements ProvisionedConnection {
  /** The entry as written into the agent's Helm values. */
  readonly catalogEntry: pulumi.Output<ConnectionSpec>;
  /** Ids (`Kind/namespace/name`) of the objects created. */
  readonly objectIds: pulumi.Output<string[]>;

  constructor(name: string, args: GitConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    const schema = defined({ url: args.url, revision: args.revision, flags: args.flags });
    const entry = entryOf(args, { kind: args.kind ?? "git", schema: Object.keys(schema).length ? schema : undefined });
    const prepared = prepareConnection(name, args, entry, opts);
    super("polyaxon:index:GitConnection", name, {}, opts);
    ({ catalogEntry: this.catalogEntry, objectIds: this.objectIds } = provisionConnection(this, prepared));
    this.registerOutputs({ catalogEntry: this.catalogEntry, objectIds: this.objectIds });
  }

  /** The connection as an Agent takes it (this component provisions its objects). */
  agentConnection(): ConnectionEntryArgs {
    return connectionOf(this);
  }
}

/** A container registry for builds. */
export interface RegistryConnectionArgs extends CommonArgs {
  /** Registry host and path, e.g. registry.example.com/org (`schema.url`). */
  url: string;
  /** Plain HTTP or an unverified certificate (`schema.insecure`). @default false */
  insecure?: boolean;
}

/** Token `polyaxon:index:RegistryConnection`. */
export class RegistryConnection extends pulumi.ComponentResource implements ProvisionedConnection {
  /** The entry as written into the agent's Helm values. */
  readonly catalogEntry: pulumi.Output<ConnectionSpec>;
  /** Ids (`Kind/namespace/name`) of the objects created. */
  readonly objectIds: pulumi.Output<string[]>;

  constructor(name: string, args: RegistryConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    const prepared = prepareConnection(name, args, entryOf(args, { kind: "registry", schema: defined({ url: args.url, insecure: args.insecure }) }), opts);
    super("polyaxon:index:RegistryConnection", name, {}, opts);
    ({ catalogEntry: this.catalogEntry, objectIds: this.objectIds } = provisionConnection(this, prepared));
    this.registerOutputs({ catalogEntry: this.catalogEntry, objectIds: this.objectIds });
  }

  /** The connection as an Agent takes it (this component provisions its objects). */
  agentConnection(): ConnectionEntryArgs {
    return connectionOf(this);
  }
}

/** A notifier; its Secret holds the webhook list under a key named as the kind. */
export interface NotifierConnectionArgs extends CommonArgs {
  /** The notifier (Polyaxon's `kind`): slack, teams, email, discord, mattermost, pagerduty, hipchat or webhook. */
  kind: NotifierConnectionKind;
}

/** Token `polyaxon:index:NotifierConnection`. */
export class NotifierConnection extends pulumi.ComponentResource implements ProvisionedConnection {
  /** The entry as written into the agent's Helm values. */
  readonly catalogEntry: pulumi.Output<ConnectionSpec>;
  /** Ids (`Kind/namespace/name`) of the objects created. */
  readonly objectIds: pulumi.Output<string[]>;

  constructor(name: string, args: NotifierConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    const prepared = prepareConnection(name, args, entryOf(args, { kind: args.kind }), opts);
    super("polyaxon:index:NotifierConnection", name, {}, opts);
    ({ catalogEntry: this.catalogEntry, objectIds: this.objectIds } = provisionConnection(this, prepared));
    this.registerOutputs({ catalogEntry: this.catalogEntry, objectIds: this.objectIds });
  }

  /** The connection as an Agent takes it (this component provisions its objects). */
  agentConnection(): ConnectionEntryArgs {
    return connectionOf(this);
  }
}

/** Any other kind (databases, cloud accounts, services, custom): a free schema. */
export interface GenericConnectionArgs extends CommonArgs {
  /** Polyaxon's `kind`: a database, cloud account, service or `custom`. */
  kind: GenericConnectionKind;
  /** Free keys the kind's readers look up (`schema`). @default unset */
  schema?: { [key: string]: string };
  /** Extra env vars of runs that request it, a mapping (`env`). @default {} */
  env?: { [key: string]: string };
}

/** Token `polyaxon:index:GenericConnection`. */
export class GenericConnection extends pulumi.ComponentResource implements ProvisionedConnection {
  /** The entry as written into the agent's Helm values. */
  readonly catalogEntry: pulumi.Output<ConnectionSpec>;
  /** Ids (`Kind/namespace/name`) of the objects created. */
  readonly objectIds: pulumi.Output<string[]>;

  constructor(name: string, args: GenericConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    const prepared = prepareConnection(name, args, entryOf(args, { kind: args.kind, schema: args.schema, env: args.env }), opts);
    super("polyaxon:index:GenericConnection", name, {}, opts);
    ({ catalogEntry: this.catalogEntry, objectIds: this.objectIds } = provisionConnection(this, prepared));
    this.registerOutputs({ catalogEntry: this.catalogEntry, objectIds: this.objectIds });
  }

  /** The connection as an Agent takes it (this component provisions its objects). */
  agentConnection(): ConnectionEntryArgs {
    return connectionOf(this);
  }
}
