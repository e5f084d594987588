// Cockpit dashboard plugin "Plan quality", the statutory deadlines panel's sibling: the grades the plan quality
// rules gave the plans issued in a period, overall, by team, by setting and by month. Every figure opens the plans
// behind it, each linking to its case's documents. Figures come from the plugin resource, which answers managers only.
const PLUGIN = 'plan-quality';
const GRADES = ['A', 'B', 'C', 'D'];

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

function planList(plans) {
  if (!plans.length) {
    return el('p', {}, 'No plans.');
  }
  return el('ul', { class: 'ehc-plan-list' }, plans.map((p) => el('li', {},
    el('a', { href: `/documents.html?case=${encodeURIComponent(p.caseReference)}`, target: '_blank' }, p.caseReference),
    ` version ${p.version} (${p.kind.toLowerCase().replaceAll('_', ' ')}), issued ${p.issuedOn}, grade ${p.grade}, `
    + `${p.score}/100${p.findings ? `; findings: ${p.findings.split(';').map((f) => f.split(':')[0]).join(', ')}` : ''}`)));
}

function table(title, rows) {
  const body = el('tbody');
  if (!rows.length) {
    body.append(el('tr', {}, el('td', { colspan: '7' }, 'No plan was issued in this period.')));
  }
  rows.forEach((row) => {
    const details = el('tr', { class: 'ehc-details' });
    const cells = GRADES.map((grade) => el('td', {}, el('button', {
      type: 'button', class: 'btn btn-link', 'data-figure': `${title}-${row.group}-${grade}`,
      onclick: () => {
        const id = `${row.group}-${grade}`;
        const open = details.getAttribute('data-open') === id;
        details.replaceChildren();
        details.removeAttribute('data-open');
        if (!open) {
          details.setAttribute('data-open', id);
          details.append(el('td', { colspan: '7' }, planList(row.plansByGrade[grade] || [])));
        }
      },
    }, row.byGrade[grade])));
    body.append(el('tr', { 'data-group': row.group }, el('td', {}, el('strong', {}, row.group)),
      el('td', {}, row.plans), ...cells, el('td', {}, row.meanScore === null ? '–' : row.meanScore)));
    body.append(details);
  });
  return el('table', { class: 'table table-striped', 'data-table': title },
    el('thead', {}, el('tr', {}, el('th', {}, title), el('th', {}, 'Plans'), ...GRADES.map((g) => el('th', {}, `Grade ${g}`)),
      el('th', {}, 'Mean score'))),
    body);
}

export default {
  id: 'ehc.planQuality',
  pluginPoint: 'cockpit.dashboard',
  priority: 90,
  render: (node, { api }) => {
    const year = new Date().getFullYear();
    const from = el('input', { type: 'date', name: 'from', value: `${year}-01-01` });
    const to = el('input', { type: 'date', name: 'to', value: new Date().toISOString().slice(0, 10) });
    const content = el('div', { class: 'ehc-content' }, 'Loading…');
    const load = () => {
      const url = `${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}/grades?from=${from.value}&to=${to.value}`;
      fetch(url, { headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }, credentials: 'same-origin' })
        .then((response) => {
          if (response.status === 403) {
            throw new Error('The plan quality dashboard is for managers.');
          }
          if (!response.ok) {
            throw new Error(`The figures could not be loaded (${response.status}).`);
          }
          return response.json();
        })
        .then((report) => {
          const rules = Object.entries(report.findingsByRule);
          content.replaceChildren(
            el('h4', {}, `Plans issued ${report.from} to ${report.to}`), table('All plans', [report.overall]),
            el('h4', {}, 'By team'), table('Team', report.byTeam),
            el('h4', {}, 'By setting'), table('Setting', report.bySetting),
            el('h4', {}, 'Over time'), table('Month', report.byMonth),
            el('h4', {}, 'Findings by rule'),
            rules.length ? el('ul', { 'data-list': 'rules' }, rules.map(([rule, count]) => el('li', {}, `${rule}: ${count}`)))
              : el('p', {}, 'No findings.'));
        })
        .catch((error) => content.replaceChildren(el('p', { class: 'text-danger', 'data-error': 'true' }, error.message)));
    };
    node.replaceChildren(el('section', { class: 'ehc-plan-quality', 'data-plugin': PLUGIN },
      el('h3', {}, 'Plan quality'),
      el('form', { class: 'form-inline' }, 'Issued from ', from, ' to ', to, ' ',
        el('button', { type: 'button', class: 'btn btn-default', onclick: load }, 'Show')),
      content));
    load();
  },
};
