// libxml2's xmllint (the xmllint-wasm build) in one long-lived worker thread. xmllint-wasm's own
// validateXML starts a worker and compiles the 780 KB WebAssembly module for every call (≈ 0.2–0.4 s);
// here the module is compiled once and each job only instantiates it afresh (a clean libxml2 with
// its own memory, ≈ 2–6 ms), so validating one message per publish or preview stays cheap.
// Plain JavaScript so that it starts without the TypeScript loader.
// Job: { id, inputFiles: [{ fileName, contents }], args: [...] } → { id, exitCode, stderr }.
/* global WebAssembly */
import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
// Listen before anything is awaited: loading xmllint-node.js adds the library's own listener,
// which ignores these jobs (they lack its tag) but would otherwise be the only one to see them.
const pending = [];
let compiled;
parentPort.on('message', (job) => {
  if (compiled) run(job);
  else pending.push(job);
});

const createXmllint = require('xmllint-wasm/xmllint-node.js');
compiled = await WebAssembly.compile(readFileSync(require.resolve('xmllint-wasm/xmllint.wasm')));
for (const job of pending.splice(0)) run(job);

function run(job) {
  let stderr = '';
  let answered = false;
  const answer = (exitCode) => {
    if (answered) return;
    answered = true;
    parentPort.postMessage({ id: job.id, exitCode, stderr });
  };
  try {
    createXmllint({
      inputFiles: job.inputFiles,
      arguments: job.args,
      print() {},
      printErr(text) {
        stderr += `${text}\n`;
      },
      onExit: answer,
      onAbort(reason) {
        stderr += `WASM Abort: ${reason}\n`;
        answer(-1);
      },
      wasmMemory: new WebAssembly.Memory({ initial: job.initialMemoryPages, maximum: job.maxMemoryPages }),
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(compiled, imports).then(
          (instance) => receive(instance, compiled),
          (error) => {
            stderr += `${error}\n`;
            answer(-1);
          },
        );
        return {};
      },
    });
  } catch (error) {
    stderr += `${error}\n`;
    answer(-1);
  }
}
