// Adds diagram layout (BPMN DI) to a model written by hand, so Cockpit and Modeler can draw it:
//   node tools/layout-bpmn.mjs bpmn/x.src.bpmn bpmn/x.bpmn
// Needs `npm install bpmn-auto-layout` (dev time only; the output is committed).
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';

const [source, target] = process.argv.slice(2);
writeFileSync(target, await layoutProcess(readFileSync(source, 'utf8')));
