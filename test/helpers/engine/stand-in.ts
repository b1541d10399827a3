/**
 * An engine stand-in for tests: the Pulumi engine's gRPC `ResourceMonitor` and `Engine`
 * services on 127.0.0.1, built from the SDK's own generated protos with @grpc/grpc-js, so
 * that a program launched as the language host launches it (see launch.ts) talks to it
 * exactly as to `pulumi preview`/`up`.
 *
 * What it does, after pulumi/pulumi v3.248.0:
 * - `pkg/resource/deploy/source_eval.go` (resmon): URNs from stack, project, parent type
 *   chain, type and name; a parent must be registered first ("invalid parent URN"); a
 *   provider reference `<urn>::<id>` must name a registered provider; the features the
 *   engine supports (`SupportsFeature`); `RegisterResourceOutputs` on any registered URN.
 * - `pkg/resource/deploy/step_generator.go`: a URN once per deployment, aliases against the
 *   previous state (rules.ts).
 * - Preview (`--dry-run`): a custom resource's outputs are its inputs and what its provider
 *   computes (its id, a Kubernetes object's `metadata.resourceVersion`/`uid`, `status`) is
 *   unknown, as a provider's preview of a create returns it. Update: the same, computed.
 *   The `additionalSecretOutputs` a resource names come back as secrets.
 * - `pkg/resource/deploy/builtins.go`: the one invoke served, `pulumi:pulumi:getResource`
 *   (the URN, id and outputs of a resource registered in this deployment), with which the
 *   SDK rehydrates a provider a component provider is handed.
 * Not modelled: providers themselves (nothing is checked, diffed or created), state beyond
 * the URNs of `previous`, transforms, hooks, other invokes.
 */
import { createHash } from "node:crypto";
import * as grpc from "@grpc/grpc-js";
import { engineRuleViolations, makeUrn, ROOT_STACK_TYPE } from "./rules.js";

/* eslint-disable @typescript-eslint/no-require-imports */
const resproto = require("@pulumi/pulumi/proto/resource_pb.js");
const resrpc = require("@pulumi/pulumi/proto/resource_grpc_pb.js");
const engineproto = require("@pulumi/pulumi/proto/engine_pb.js");
const enginerpc = require("@pulumi/pulumi/proto/engine_grpc_pb.js");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb.js");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb.js");
/* eslint-enable @typescript-eslint/no-require-imports */

/** The SDK's wire signatures (`sdk/nodejs/runtime/rpc.ts`). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
/** An unknown value on the wire (`sdk/nodejs/runtime/rpc.ts` `unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Features the v3.248 engine reports to the Node.js SDK (`resmon.SupportsFeature`). */
const FEATURES = new Set(["secrets", "resourceReferences", "outputValues", "deletedWith", "aliasSpecs", "transforms", "invokeTransforms", "parameterization"]);

/** One `RegisterResource` request, as it arrived (secret envelopes kept). */
export interface Registration {
  type: string;
  name: string;
  urn: string;
  parent: string;
  custom: boolean;
  /** The inputs as the engine receives them: secrets are `{[SIG_KEY]: SECRET_SIG, value}`. */
  inputs: Record<string, unknown>;
  /** `<provider urn>::<id>`, or empty for the package's default provider. */
  provider: string;
  /** Component providers by package (`providers` option). */
  providers: Record<string, string>;
  dependencies: string[];
  aliases: unknown[];
  retainOnDelete: boolean;
  protect: boolean;
  additionalSecretOutputs: string[];
  /** Set when the request was refused, with the engine's message. */
  refused?: string;
}

/** One `Engine.Log` message. */
export interface LogEntry {
  severity: number;
  message: string;
  urn: string;
}

export interface StandInOptions {
  stack: string;
  project: string;
  /** `pulumi preview` rather than `pulumi up`. */
  preview: boolean;
  /** URNs of the state before this deployment, for the alias rules. */
  previous?: ReadonlySet<string>;
}

/** Everything the program sent, and the engine's verdict. */
export interface Recording {
  registrations: Registration[];
  /** `RegisterResourceOutputs` calls: component and stack outputs as the engine receives them. */
  outputs: { urn: string; outputs: Record<string, unknown> }[];
  log: LogEntry[];
  /** Violations of the engine's rules (the deployment would fail). */
  violations: string[];
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** What a provider computes for a custom resource: its id, and a Kubernetes object's server-set fields. */
function computedOutputs(type: string, inputs: Record<string, unknown>, preview: boolean, urn: string): { id: string; outputs: Record<string, unknown> } {
  const digest = createHash("sha256").update(JSON.stringify(inputs)).digest("hex");
  const known = (v: string) => (preview ? UNKNOWN : v);
  if (type.startsWith("pulumi:providers:")) return { id: known(digest.slice(0, 32)), outputs: { ...inputs } };
  const outputs: Record<string, unknown> = { ...inputs };
  const metadata = inputs.metadata;
  if (type.startsWith("kubernetes:") && isMapping(metadata)) {
    outputs.metadata = { ...metadata, resourceVersion: known(digest.slice(0, 12)), uid: known(digest.slice(12, 44)) };
    outputs.status = preview ? UNKNOWN : {};
  }
  if (type === "kubernetes:helm.sh/v3:Release") outputs.status = preview ? UNKNOWN : { status: "deployed" };
  const id = isMapping(metadata) && typeof metadata.name === "string" ? `${metadata.namespace ?? "default"}/${metadata.name}` : urn;
  return { id: known(id), outputs };
}

const secretEnvelope = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

/** A running engine stand-in. */
export class EngineStandIn {
  readonly recording: Recording = { registrations: [], outputs: [], log: [], violations: [] };
  private readonly server = new grpc.Server();
  private readonly urns = new Map<string, Registration>();
  /** Id and outputs of each custom resource registered, for `getResource`. */
  private readonly states = new Map<string, { id: string; outputs: Record<string, unknown> }>();
  private root = "";
  /** `127.0.0.1:<port>` of both services. */
  address = "";

  private constructor(private readonly options: StandInOptions) {}

  /** Start both services on a free port of 127.0.0.1. */
  static async start(options: StandInOptions): Promise<EngineStandIn> {
    const engine = new EngineStandIn(options);
    engine.server.addService(resrpc.ResourceMonitorService, engine.monitorService());
    engine.server.addService(enginerpc.EngineService, engine.engineService());
    const port = await new Promise<number>((resolve, reject) =>
      engine.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    engine.address = `127.0.0.1:${port}`;
    return engine;
  }

  /**
   * The engine's verdict once the program has exited: the refused requests, then the alias
   * rules over every accepted registration against the previous state.
   */
  finish(): Recording {
    const accepted = [...this.urns.values()];
    this.recording.violations.push(...engineRuleViolations(accepted, this.options.previous ?? new Set()));
    return this.recording;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }

  private monitorService(): grpc.UntypedServiceImplementation {
    const unary =
      <T>(f: (req: T) => unknown) =>
      (call: { request: T }, cb: grpc.sendUnaryData<unknown>) => {
        try {
          cb(null, f(call.request));
        } catch (err) {
          cb({ code: grpc.status.INVALID_ARGUMENT, details: (err as Error).message } as grpc.ServiceError, null);
        }
      };
    return {
      supportsFeature: unary((req: { getId(): string }) => new resproto.SupportsFeatureResponse().setHassupport(FEATURES.has(req.getId()))),
      registerResource: unary((req: RegisterResourceRequest) => this.registerResource(req)),
      registerResourceOutputs: unary((req: { getUrn(): string; getOutputs(): { toJavaScript(): unknown } | undefined }) => {
        const urn = req.getUrn();
        if (!this.urns.has(urn)) throw new Error(`cannot register outputs of unknown resource ${urn}`);
        this.recording.outputs.push({ urn, outputs: (req.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown> });
        return new Empty();
      }),
      invoke: unary((req: { getTok(): string; getArgs(): { toJavaScript(): unknown } | undefined }) => {
        if (req.getTok() !== "pulumi:pulumi:getResource") throw new Error(`the engine stand-in serves no invoke (${req.getTok()})`);
        const { urn } = (req.getArgs()?.toJavaScript() ?? {}) as { urn?: string };
        const state = urn === undefined ? undefined : this.states.get(urn);
        if (!state) throw new Error(`unknown resource ${urn}`);
        const provider = this.urns.get(urn!)!.provider;
        // The response class the service names: provider.proto's InvokeResponse up to v3.248, resource.proto's ResourceInvokeResponse since.
        return new resrpc.ResourceMonitorService.invoke.responseType().setReturn(Struct.fromJavaScript({ urn, id: state.id, provider, state: state.outputs }));
      }),
      readResource: unary(() => {
        throw new Error("the engine stand-in reads no resource");
      }),
      signalAndWaitForShutdown: unary(() => new Empty()),
    };
  }

  private engineService(): grpc.UntypedServiceImplementation {
    const unary =
      <T>(f: (req: T) => unknown) =>
      (call: { request: T }, cb: grpc.sendUnaryData<unknown>) =>
        cb(null, f(call.request));
    return {
      log: unary((req: { getSeverity(): number; getMessage(): string; getUrn(): string }) => {
        this.recording.log.push({ severity: req.getSeverity(), message: req.getMessage(), urn: req.getUrn() });
        return new Empty();
      }),
      getRootResource: unary(() => new engineproto.GetRootResourceResponse().setUrn(this.root)),
      setRootResource: unary((req: { getUrn(): string }) => {
        this.root = req.getUrn();
        return new engineproto.SetRootResourceResponse();
      }),
    };
  }

  /**
   * Register a resource as if a program had (a stack, a provider), for a component
   * provider's `Construct` to refer to. Returns its URN and id.
   */
  seed(type: string, name: string, parent = "", inputs: Record<string, unknown> = {}): { urn: string; id: string } {
    const urn = makeUrn(this.options.stack, this.options.project, parent, type, name);
    const r: Registration = {
      type,
      name,
      urn,
      parent,
      custom: type.startsWith("pulumi:providers:"),
      inputs,
      provider: "",
      providers: {},
      dependencies: [],
      aliases: [],
      retainOnDelete: false,
      protect: false,
      additionalSecretOutputs: [],
    };
    this.urns.set(urn, r);
    const { id, outputs } = computedOutputs(type, inputs, false, urn);
    if (r.custom) this.states.set(urn, { id, outputs });
    return { urn, id: r.custom ? id : "" };
  }

  private registerResource(req: RegisterResourceRequest): unknown {
    const { stack, project, preview } = this.options;
    const type = req.getType();
    const parent = req.getParent();
    const urn = makeUrn(stack, project, parent, type, req.getName());
    const r: Registration = {
      type,
      name: req.getName(),
      urn,
      parent,
      custom: req.getCustom(),
      inputs: (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
      provider: req.getProvider(),
      providers: Object.fromEntries(req.getProvidersMap().toArray()),
      dependencies: req.getDependenciesList(),
      aliases: req.getAliasesList().map((a) => a.toObject()),
      retainOnDelete: req.getRetainondelete() ?? false,
      protect: req.getProtect() ?? false,
      additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    };
    this.recording.registrations.push(r);
    const refuse = (message: string): never => {
      r.refused = message;
      this.recording.violations.push(message);
      throw new Error(message);
    };
    if (parent && !this.urns.has(parent)) refuse(`invalid parent URN '${parent}' of '${urn}': no such resource is registered`);
    if (!parent && type !== ROOT_STACK_TYPE) refuse(`'${urn}' has no parent: only the stack is a root`);
    for (const ref of [r.provider, ...Object.values(r.providers)].filter(Boolean)) {
      const providerUrn = ref.slice(0, ref.lastIndexOf("::"));
      const provider = this.urns.get(providerUrn);
      if (!provider?.type.startsWith("pulumi:providers:")) refuse(`provider ${providerUrn} for resource ${urn} has not been registered yet`);
    }
    if (this.urns.has(urn)) refuse(`Duplicate resource URN '${urn}'; try giving it a unique name`);
    this.urns.set(urn, r);

    const res = new resproto.RegisterResourceResponse().setUrn(urn);
    if (!r.custom) return res.setObject(Struct.fromJavaScript({}));
    const { id, outputs } = computedOutputs(type, r.inputs, preview, urn);
    for (const key of r.additionalSecretOutputs) if (key in outputs) outputs[key] = secretEnvelope(outputs[key]);
    this.states.set(urn, { id, outputs });
    return res.setId(id === UNKNOWN ? "" : id).setObject(Struct.fromJavaScript(outputs));
  }
}

/** The getters of `RegisterResourceRequest` used here. */
interface RegisterResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): { toJavaScript(): unknown } | undefined;
  getProvider(): string;
  getProvidersMap(): { toArray(): [string, string][] };
  getDependenciesList(): string[];
  getAliasesList(): { toObject(): unknown }[];
  getRetainondelete(): boolean | undefined;
  getProtect(): boolean | undefined;
  getAdditionalsecretoutputsList(): string[];
}
