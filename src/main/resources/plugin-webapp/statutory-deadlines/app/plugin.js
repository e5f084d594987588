// Cockpit dashboard plugin "Statutory deadlines": open deadlines due within 7 days and already breached, per time
// limit, on-time rates for a period, with and without exceptions, and open disagreements by the step they wait at
// (orders due this week are open deadlines like any other). Every figure opens the cases behind it, each
// linking to its process instance. Figures come from the plugin resource, which answers managers only.
const PLUGIN = 'statutory-deadlines';

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'onclick') {
      node.addEventListener('click', value);
    } else {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function caseList(cases, describe) {
  if (!cases.length) {
    return el('p', {}, 'No cases.');
  }
  return el('ul', { class: 'ehc-case-list' }, cases.map((c) => el('li', {},
    el('a', { href: `#/process-instance/${encodeURIComponent(c.processInstanceId)}/runtime` }, c.caseReference),
    ' ', describe(c), c.exception ? ' (exception recorded)' : '')));
}

/** A figure that, when clicked, shows (or hides) the cases behind it in the row below. */
function figure(id, text, cases, describe, detailsRow) {
  return el('button', {
    type: 'button', class: 'btn btn-link', 'data-figure': id,
    onclick: () => {
      const open = detailsRow.getAttribute('data-open') === id;
      detailsRow.replaceChildren();
      detailsRow.removeAttribute('data-open');
      if (!open) {
        detailsRow.setAttribute('data-open', id);
        detailsRow.append(el('td', { colspan: '6' }, caseList(cases, describe)));
      }
    },
  }, text);
}

function percent(value) {
  return value === null || value === undefined ? '–' : `${value.toFixed(1)}%`;
}

function openTable(report) {
  const body = el('tbody');
  if (!report.open.length) {
    body.append(el('tr', {}, el('td', { colspan: '3' }, 'No open deadline is due within 7 days or breached.')));
  }
  report.open.forEach((row) => {
    const details = el('tr', { class: 'ehc-details' });
    body.append(el('tr', { 'data-time-limit': row.timeLimit },
      el('td', {}, el('strong', {}, row.title), el('br'), el('small', {}, row.legalReference)),
      el('td', {}, figure(`${row.timeLimit}-due-soon`, row.dueSoon, row.dueSoonCases, (c) => `due ${c.dueDate}`, details)),
      el('td', {}, figure(`${row.timeLimit}-breached`, row.breached, row.breachedCases, (c) => `was due ${c.dueDate}`, details))));
    body.append(details);
  });
  return el('table', { class: 'table table-striped', 'data-table': 'open' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Time limit'), el('th', {}, 'Due within 7 days'), el('th', {}, 'Breached, still open'))),
    body);
}

function ratesTable(report) {
  const body = el('tbody');
  if (!report.rates.length) {
    body.append(el('tr', {}, el('td', { colspan: '5' }, 'No step under a time limit was completed in this period.')));
  }
  report.rates.forEach((row) => {
    const details = el('tr', { class: 'ehc-details' });
    const id = `${row.timeLimit}${row.scope ? `-${row.scope}` : ''}`;
    const describe = (c) => `due ${c.dueDate}, done ${c.completedOn}${c.completedOn > c.dueDate ? ' (late)' : ''}`;
    body.append(el('tr', { 'data-rate': id },
      el('td', {}, el('strong', {}, row.title), row.scope ? ` (${row.scope.toLowerCase().replaceAll('_', ' ')})` : ''),
      el('td', {}, figure(`${id}-done`, row.done, row.cases, describe, details)),
      el('td', { 'data-value': 'on-time' }, percent(row.onTimeRate)),
      el('td', { 'data-value': 'excluding-exceptions' }, percent(row.excludingExceptionsRate),
        ` of ${row.doneExcludingExceptions}`)));
    body.append(details);
  });
  return el('table', { class: 'table table-striped', 'data-table': 'rates' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Time limit'), el('th', {}, 'Done in period'), el('th', {}, 'On time'),
      el('th', {}, 'On time, excluding exceptions'))),
    body);
}

function disagreementsTable(report) {
  const { disagreements } = report;
  const body = el('tbody');
  const stages = Object.entries(disagreements.byStage);
  if (!stages.length) {
    body.append(el('tr', {}, el('td', { colspan: '2' }, 'No disagreement or tribunal order is open.')));
  }
  stages.forEach(([stage, count]) => {
    const details = el('tr', { class: 'ehc-details' });
    const cases = disagreements.steps.filter((s) => s.stage === stage);
    body.append(el('tr', { 'data-stage': stage }, el('td', {}, stage),
      el('td', {}, figure(`stage-${stage}`, count, cases, (c) => (c.dueDate ? `due ${c.dueDate}` : ''), details))));
    body.append(details);
  });
  return el('table', { class: 'table table-striped', 'data-table': 'disagreements' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Waiting step'), el('th', {}, 'Cases'))), body);
}

export default {
  id: 'ehc.statutoryDeadlines',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node, { api }) => {
    const year = new Date().getFullYear();
    const from = el('input', { type: 'date', name: 'from', value: `${year}-01-01` });
    const to = el('input', { type: 'date', name: 'to', value: new Date().toISOString().slice(0, 10) });
    const content = el('div', { class: 'ehc-content' }, 'Loading…');
    const load = () => {
      const url = `${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}/timeliness?from=${from.value}&to=${to.value}`;
      fetch(url, { headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }, credentials: 'same-origin' })
        .then((response) => {
          if (response.status === 403) {
            throw new Error('The statutory deadlines dashboard is for managers.');
          }
          if (!response.ok) {
            throw new Error(`The figures could not be loaded (${response.status}).`);
          }
          return response.json();
        })
        .then((report) => content.replaceChildren(
          el('h4', {}, `Open deadlines on ${report.asOf}`), openTable(report),
          el('h4', {}, `Done on time, ${report.from} to ${report.to}`), ratesTable(report),
          el('h4', {}, `Disagreements and tribunal orders: ${report.disagreements.openCases} open`),
          disagreementsTable(report)))
        .catch((error) => content.replaceChildren(el('p', { class: 'text-danger', 'data-error': 'true' }, error.message)));
    };
    node.replaceChildren(el('section', { class: 'ehc-statutory-deadlines', 'data-plugin': PLUGIN },
      el('h3', {}, 'Statutory deadlines'),
      el('form', { class: 'form-inline', onclick: () => {} }, 'Period from ', from, ' to ', to, ' ',
        el('button', { type: 'button', class: 'btn btn-default', onclick: load }, 'Show')),
      content));
    load();
  },
};
