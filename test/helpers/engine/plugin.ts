/**
 * Start a component package as Pulumi starts it, and talk to it as the engine does.
 *
 * After pulumi/pulumi v3.248.0 `sdk/nodejs/cmd/pulumi-language-nodejs/main.go` `RunPlugin`:
 * `node <@pulumi/pulumi/cmd/run-plugin resolved from the plugin folder> <nodeargs>
 * <plugin folder> <engine address>`, run from the consumer's folder with the engine's
 * environment; the plugin prints its port on stdout (`sdk/nodejs/provider/server.ts` `main`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as grpc from "@grpc/grpc-js";
import { plainTextOf } from "./envelopes.js";
import type { EngineStandIn } from "./stand-in.js";

/* eslint-disable @typescript-eslint/no-require-imports */
const provproto = require("@pulumi/pulumi/proto/provider_pb.js");
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb.js");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb.js");
/* eslint-enable @typescript-eslint/no-require-imports */

/** A started plugin and a gRPC client to it. */
export interface RunningPlugin {
  /** `GetSchema`: the package schema as JSON text. */
  getSchema(): Promise<string>;
  /** `Construct` of a component: its URN and state (outputs) as the engine receives them. */
  construct(request: ConstructArgs): Promise<{ urn: string; state: Record<string, unknown> }>;
  stop(): Promise<{ stderr: string }>;
  stderr(): string;
}

export interface ConstructArgs {
  project: string;
  stack: string;
  monitor: string;
  type: string;
  name: string;
  parent: string;
  /** Inputs as the engine sends them (secret envelopes kept). */
  inputs: Record<string, unknown>;
  /** Package → provider reference (`<urn>::<id>`). */
  providers: Record<string, string>;
  dryRun?: boolean;
}

/** A component a program of project `consumer`, stack `dev` asks for: under `parent`, on the Kubernetes `provider` (none when unset). */
export interface ConsumerConstruct {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  parent: { urn: string };
  provider?: { urn: string; id: string };
}

/** `Construct` as the engine at `monitor` sends it for that program. */
export function constructFor(plugin: RunningPlugin, monitor: string, { type, name, inputs, parent, provider }: ConsumerConstruct) {
  const providers: Record<string, string> = provider ? { kubernetes: `${provider.urn}::${provider.id}` } : {};
  return plugin.construct({ project: "consumer", stack: "dev", monitor, type, name, parent: parent.urn, inputs, providers });
}

/** Start the plugin in `pluginDir` from `cwd`, as the Node.js language host's RunPlugin does. */
export async function startPlugin(pluginDir: string, cwd: string, engineAddress: string): Promise<RunningPlugin> {
  const runPath = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [pluginDir] });
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS; // the test runner's loader is not the engine's environment
  const child: ChildProcess = spawn(process.execPath, [runPath, pluginDir, engineAddress], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the plugin printed no port in 60 s:\n${stderr}`)), 60_000);
    child.stdout!.on("data", (d: Buffer) => {
      stdout += d.toString();
      const m = /^(\d+)\s*$/m.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the plugin exited with ${code} before printing a port:\n${stderr}`));
    });
  });
  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = <T>(method: string, req: unknown) => new Promise<T>((resolve, reject) => client[method](req, (err: Error | null, res: T) => (err ? reject(err) : resolve(res))));
  return {
    getSchema: async () => (await call<{ getSchema(): string }>("getSchema", new provproto.GetSchemaRequest())).getSchema(),
    construct: async (a) => {
      const req = new provproto.ConstructRequest()
        .setProject(a.project)
        .setStack(a.stack)
        .setOrganization("organization")
        .setMonitorendpoint(a.monitor)
        .setType(a.type)
        .setName(a.name)
        .setParent(a.parent)
        .setDryrun(a.dryRun ?? false)
        .setParallel(16)
        .setInputs(Struct.fromJavaScript(a.inputs));
      for (const [pkg, ref] of Object.entries(a.providers)) req.getProvidersMap().set(pkg, ref);
      const res = await call<{ getUrn(): string; getState(): { toJavaScript(): unknown } | undefined }>("construct", req);
      return { urn: res.getUrn(), state: (res.getState()?.toJavaScript() ?? {}) as Record<string, unknown> };
    },
    stderr: () => stderr,
    stop: async () => {
      client.close();
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.on("exit", resolve)));
      return { stderr };
    },
  };
}

/**
 * Everything a construct left in plain text where the engine and a user see it: the
 * registrations' inputs, the component's state, log lines above debug, the plugin's stderr.
 */
export function plainTextAfterConstruct(engine: EngineStandIn, plugin: RunningPlugin, inputs: unknown, state: unknown): string {
  return [plainTextOf(inputs), plainTextOf(state), ...engine.recording.log.filter((l) => l.severity !== 0).map((l) => l.message), plugin.stderr()].join("\n");
}
