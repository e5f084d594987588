// Adds diagram layout (BPMN DI) to a model, so Cockpit and Modeler can draw it:
//   node tools/layout-bpmn.mjs bpmn/x.bpmn [out.bpmn]
// Needs `npm install bpmn-auto-layout` (dev time only; the output is committed). Any existing layout is replaced.
// bpmn-auto-layout puts all boundary events of an activity on one spot; this spreads them along the activity's
// bottom edge (widening the activity when they do not fit) and routes their flows down, then right.
// Check the result in Cockpit or Modeler before committing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';

const EVENT = 36;
const SPACING = 90; // centre to centre: room for each event's label, which viewers centre under it
const MARGIN = 15;

const [source, target = source] = process.argv.slice(2);
const semantic = readFileSync(source, 'utf8').replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>\s*/g, '');
const moddle = new BpmnModdle();
const { rootElement: definitions } = await moddle.fromXML(await layoutProcess(semantic));

for (const diagram of definitions.diagrams) {
  const plane = diagram.plane.planeElement;
  const shapeOf = (element) => plane.find((di) => di.$type === 'bpmndi:BPMNShape' && di.bpmnElement === element);
  const hosts = new Map();
  for (const di of plane) {
    const element = di.bpmnElement;
    if (element.$type === 'bpmn:BoundaryEvent' && shapeOf(element.attachedToRef)) {
      const list = hosts.get(element.attachedToRef) ?? [];
      list.push(di);
      hosts.set(element.attachedToRef, list);
    }
  }
  for (const [host, events] of hosts) {
    const bounds = shapeOf(host).bounds;
    const needed = 2 * MARGIN + (events.length - 1) * SPACING + EVENT;
    if (bounds.width < needed) {
      widen(plane, host, bounds, needed - bounds.width, new Set(events));
    }
    events.forEach((di, i) => {
      const x = Math.round(bounds.x + MARGIN + i * SPACING);
      const y = Math.round(bounds.y + bounds.height - EVENT / 2);
      Object.assign(di.bounds, { x, y });
      if (di.label?.bounds) {
        Object.assign(di.label.bounds, { x: x + EVENT / 2 - (SPACING - 10) / 2, y: y + EVENT + 2, width: SPACING - 10, height: 40 });
      }
      for (const edge of plane.filter((e) => e.$type === 'bpmndi:BPMNEdge' && e.bpmnElement.sourceRef === di.bpmnElement)) {
        const to = shapeOf(edge.bpmnElement.targetRef).bounds;
        const cx = x + EVENT / 2;
        const ty = to.y + to.height / 2;
        edge.waypoint = [
          moddle.create('dc:Point', { x: cx, y: y + EVENT }),
          moddle.create('dc:Point', { x: cx, y: ty }),
          moddle.create('dc:Point', { x: to.x, y: ty }),
        ];
      }
    });
  }
}

/**
 * Makes room to the right of an activity: everything right of it in the same process or sub-process moves along
 * (each level of a drill-down has its own coordinates, though all share one plane), then the activity grows.
 */
function widen(plane, host, bounds, delta, skip) {
  const edgeX = bounds.x + bounds.width;
  const sameLevel = (di) => !skip.has(di) && di.bpmnElement.$parent === host.$parent;
  const moved = new Set();
  for (const di of plane) {
    if (di.$type === 'bpmndi:BPMNShape' && sameLevel(di) && di.bounds.x >= edgeX - 1) {
      di.bounds.x += delta;
      if (di.label?.bounds) di.label.bounds.x += delta;
      moved.add(di.bpmnElement);
    }
  }
  for (const di of plane) {
    if (di.$type !== 'bpmndi:BPMNEdge' || !sameLevel(di)) continue;
    const last = di.waypoint.length - 1;
    di.waypoint.forEach((point, i) => {
      // the ends follow their own shapes; bends follow the space they are in
      const follows = i === 0 ? moved.has(di.bpmnElement.sourceRef)
        : i === last ? moved.has(di.bpmnElement.targetRef) : point.x >= edgeX - 1;
      if (follows) point.x += delta;
    });
    if (di.label?.bounds && di.label.bounds.x >= edgeX - 1) di.label.bounds.x += delta;
  }
  bounds.width += delta;
}

const { xml } = await moddle.toXML(definitions, { format: true });
writeFileSync(target, xml + '\n');
