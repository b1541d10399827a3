/**
 * The real yaml-language-server (the server behind VS Code's YAML extension and other
 * editors), started from npm and driven over stdio with LSP's JSON-RPC: open a document,
 * read its diagnostics, ask for hovers and completions, as an editor does.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { pathToFileURL } from "node:url";

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export interface Diagnostic {
  message: string;
  range: { start: { line: number; character: number } };
}

export class YamlLanguageServer {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiting: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];
  stderr = "";

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on("data", (chunk: Buffer) => this.receive(chunk));
    child.stderr!.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** Start the server and initialise it with validation, hover and completion on. */
  static async start(rootDir: string): Promise<YamlLanguageServer> {
    const bin = require.resolve("yaml-language-server/bin/yaml-language-server");
    const server = new YamlLanguageServer(spawn(process.execPath, [bin, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] }));
    await server.request("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).href,
      capabilities: {
        textDocument: { hover: { contentFormat: ["markdown", "plaintext"] }, completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: {} },
        workspace: { configuration: true },
      },
    });
    server.notify("initialized", {});
    server.notify("workspace/didChangeConfiguration", { settings: SETTINGS });
    return server;
  }

  /** Open `text` as the document at `path`; its diagnostics once the server publishes them. */
  open(path: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(path).href;
    const published = new Promise<Diagnostic[]>((resolve) => this.waiting.push({ uri, resolve }));
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    return published;
  }

  /** The hover's text at `line`/`character` of the document at `path` ("" when none). */
  async hover(path: string, line: number, character: number): Promise<string> {
    const result = (await this.request("textDocument/hover", { textDocument: { uri: pathToFileURL(path).href }, position: { line, character } })) as {
      contents?: { value?: string } | string;
    } | null;
    const contents = result?.contents;
    return typeof contents === "string" ? contents : (contents?.value ?? "");
  }

  /** The labels the server offers at `line`/`character`. */
  async completion(path: string, line: number, character: number): Promise<string[]> {
    const result = (await this.request("textDocument/completion", { textDocument: { uri: pathToFileURL(path).href }, position: { line, character } })) as
      { items: { label: string }[] } | { label: string }[] | null;
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    return items.map((i) => i.label);
  }

  async stop(): Promise<void> {
    await this.request("shutdown", null).catch(() => undefined);
    this.notify("exit", null);
    this.child.kill();
  }

  private send(message: Message & { jsonrpc?: string }): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }));
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result)));
      this.send({ id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    } else if (m.method === "workspace/configuration") {
      // The server asks for its settings, one item per section.
      const items = (m.params as { items: { section?: string }[] }).items;
      this.send({ id: m.id!, result: items.map((i) => (i.section === "yaml" ? SETTINGS.yaml : null)) });
    } else if (m.id !== undefined) {
      this.send({ id: m.id, result: null });
    } else if (m.method === "textDocument/publishDiagnostics") {
      const { uri, diagnostics } = m.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      const i = this.waiting.findIndex((w) => w.uri === uri);
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(diagnostics);
    }
  }
}

const SETTINGS = { yaml: { validate: true, hover: true, completion: true, schemas: {}, schemaStore: { enable: false } } };
