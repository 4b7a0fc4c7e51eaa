// A minimal Language Server Protocol client for yaml-language-server, driven by LspTests.cs.
//
//   node lsp-client.mjs <path to yaml-language-server's bin script> <request.json>
//
// request.json: {"root": folder, "schemas": {schemaUri: [glob, …]}, "documents": [path, …],
//                "completions": [{"path": p, "line": l, "character": c}, …]}   (lines and characters 0-based)
// Opens each document (its `# yaml-language-server: $schema=` modeline is honoured by the server), waits until
// the server has been quiet for a while after the last diagnostics, asks for the completions, and prints
// {"diagnostics": {path: [{line, character, message, severity}]}, "completions": [[label, …], …]} on stdout.
// Exits 1 with a message on stderr when the server does not answer in time.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [serverScript, requestFile] = process.argv.slice(2);
const request = JSON.parse(readFileSync(requestFile, 'utf8'));
const quietMs = request.quietMs ?? 1000;
const deadline = setTimeout(() => fail('yaml-language-server gave no complete answer within 60 s'), 60000);

const server = spawn(process.execPath, [serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
let serverErr = '';
server.stderr.on('data', d => { serverErr += d; });
server.on('exit', code => fail(`yaml-language-server exited with ${code}: ${serverErr.slice(-500)}`));

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(1);
}

// JSON-RPC over stdio: each message is "Content-Length: n\r\n\r\n" followed by n bytes of JSON.
let nextId = 1;
const pending = new Map();
const diagnostics = new Map();
let lastDiagnosticsAt = 0;
let buffer = Buffer.alloc(0);

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}

function call(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise(resolve => pending.set(id, resolve));
}

const notify = (method, params) => send({ method, params });

server.stdout.on('data', chunk => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
    if (!Number.isFinite(length) || buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
    buffer = buffer.subarray(headerEnd + 4 + length);
    receive(message);
  }
});

function receive(message) {
  if (message.id !== undefined && message.method === undefined) {
    pending.get(message.id)?.(message.result ?? null);
    pending.delete(message.id);
  } else if (message.method === 'textDocument/publishDiagnostics') {
    diagnostics.set(fileURLToPath(message.params.uri), message.params.diagnostics);
    lastDiagnosticsAt = Date.now();
  } else if (message.id !== undefined) {
    // Requests from the server (configuration, registerCapability, workDoneProgress/create): answer so it goes on.
    const result = message.method === 'workspace/configuration'
      ? message.params.items.map(item => (item.section === 'yaml' ? settings.yaml : null))
      : null;
    send({ id: message.id, result });
  }
}

const settings = {
  yaml: {
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
    schemaStore: { enable: false },
    schemas: request.schemas ?? {},
  },
};

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

await call('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(request.root).href,
  workspaceFolders: [{ uri: pathToFileURL(request.root).href, name: 'standards' }],
  capabilities: {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    textDocument: {
      publishDiagnostics: {},
      completion: { completionItem: { snippetSupport: false } },
    },
  },
});
notify('initialized', {});
notify('workspace/didChangeConfiguration', { settings });

for (const path of request.documents) {
  notify('textDocument/didOpen', {
    textDocument: { uri: pathToFileURL(path).href, languageId: 'yaml', version: 1, text: readFileSync(path, 'utf8') },
  });
}

// Diagnostics come when the schemas are loaded; the server may publish more than once. Wait until every document
// has some and nothing new came for a while.
while (request.documents.some(p => !diagnostics.has(p)) || Date.now() - lastDiagnosticsAt < quietMs) {
  await sleep(100);
}

const completions = [];
for (const c of request.completions ?? []) {
  const result = await call('textDocument/completion', {
    textDocument: { uri: pathToFileURL(c.path).href },
    position: { line: c.line, character: c.character },
  });
  const items = Array.isArray(result) ? result : result?.items ?? [];
  completions.push(items.map(i => i.label));
}

const out = { diagnostics: {}, completions };
for (const path of request.documents) {
  out.diagnostics[path] = (diagnostics.get(path) ?? []).map(d => ({
    line: d.range.start.line,
    character: d.range.start.character,
    message: d.message,
    severity: d.severity,
  }));
}

clearTimeout(deadline);
server.removeAllListeners('exit');
process.stdout.write(JSON.stringify(out) + '\n', () => {
  server.kill();
  process.exit(0);
});
