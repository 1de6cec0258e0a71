// The explorer at "/": a form whose state lives in the URL (a view can be sent
// to a colleague), the map of the chosen analysis in a frame, and the same
// analysis as a sortable table of names with one sentence per result.  It
// only calls Maillage's own endpoints (/maps and /api/v1).
import "./explorer.css";
import { NetworkView } from "./network.js";

const form = document.getElementById("explorer-form");
const frame = document.getElementById("explorer-map");
const table = document.getElementById("explorer-table");
const reading = document.getElementById("explorer-reading");
const links = document.getElementById("explorer-links");
const words = JSON.parse(document.getElementById("explorer-words").textContent);

// The form's options each analysis reads beyond its scope (territory, operation,
// date): its JSON refuses the others, which the form may still hold from another
// map.  Mirrors ANALYSIS_OPTIONS in graph_service/services/analyses.py (a test
// compares them).  The ecosystem is a map, not an analysis.
const SCOPE_FIELDS = ["territory", "operation", "at"];
const ANALYSIS_FIELDS = {
  brokers: ["partition", "compare_at"],
  silos: ["partition", "compare_at"],
  allies: ["actor"],
  introductions: ["actor", "target"],
  "inside-allies": ["actor", "target"],
  levels: [],
  "double-space": ["link"],
  horizontalisation: ["link", "compare_at"],
  similar: ["actor"],
};

function query() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form).entries()) {
    if (key !== "kind" && String(value).trim()) params.append(key, String(value).trim());
  }
  return params;
}

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text == null ? "" : String(text);
  return td;
}

function sortable(head, body) {
  head.querySelectorAll("th").forEach((th, column) => {
    th.addEventListener("click", () => {
      const rows = [...body.rows];
      const ascending = th.dataset.order !== "asc";
      th.dataset.order = ascending ? "asc" : "desc";
      rows.sort((a, b) => {
        const x = a.cells[column].textContent;
        const y = b.cells[column].textContent;
        const nx = Number(x.replace(",", "."));
        const ny = Number(y.replace(",", "."));
        const order = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}

function showDocument(doc) {
  reading.replaceChildren();
  for (const sentence of doc.reading) {
    const li = document.createElement("li");
    li.textContent = sentence;
    reading.appendChild(li);
  }
  table.replaceChildren();
  const head = document.createElement("thead");
  const body = document.createElement("tbody");
  // Each kind names its own columns ("Allié possible", "Score", "Pourquoi"…);
  // the columns it leaves unnamed are not shown.
  const titles = doc.columns && doc.columns.length ? doc.columns : [words.name, words.group, words.measure, words.sentence];
  const shown = titles.map((title, i) => (title ? i : -1)).filter((i) => i >= 0);
  const tr = document.createElement("tr");
  for (const title of shown.map((i) => titles[i])) {
    const th = document.createElement("th");
    th.textContent = title;
    tr.appendChild(th);
  }
  head.appendChild(tr);
  for (const row of doc.rows || []) {
    const line = document.createElement("tr");
    const values = [row.name, row.group, row.measure, row.sentence];
    line.append(...shown.map((i) => cell(values[i])));
    body.appendChild(line);
  }
  table.append(head, body);
  sortable(head, body);
}

async function run(push) {
  const kind = form.elements.kind.value;
  const params = query();
  const state = new URLSearchParams(params);
  state.set("kind", kind);
  if (push) history.pushState(null, "", `/?${state}`);
  const mapUrl = `/maps/${kind}?${params}`;
  frame.src = mapUrl;
  links.replaceChildren();
  const add = (href, text, download) => {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (download) a.setAttribute("download", "");
    links.appendChild(a);
  };
  add(`${mapUrl}&download=true`, words.export_html, true);
  const png = document.createElement("a");
  png.href = "#";
  png.textContent = words.export_png;
  png.addEventListener("click", (event) => {
    // The network maps draw on one canvas: its picture, with a white ground.
    event.preventDefault();
    const map = frame.contentWindow && frame.contentWindow.maillageMap;
    if (!map || !map.view) return;
    const save = document.createElement("a");
    save.href = map.view.toPNG();
    save.download = `maillage-${kind}.png`;
    save.click();
  });
  if (kind !== "double-space") links.appendChild(png);
  // The analyses' JSON takes the options of that analysis only, not the drawing ones.
  if (ANALYSIS_FIELDS[kind]) {
    const wanted = [...SCOPE_FIELDS, ...ANALYSIS_FIELDS[kind]];
    const analysisParams = new URLSearchParams([...params].filter(([key]) => wanted.includes(key)));
    add(`/api/v1/analyses/${kind}?${analysisParams}`, words.export_json, false);
  }
  add("/api/v1/exports?format=json", words.export_data, true);
  add("/docs", words.api_docs, false);
  const answer = await fetch(`/maps/${kind}/document?${params}`, { headers: { Accept: "application/json" } });
  if (answer.ok) showDocument(await answer.json());
  else {
    const problem = await answer.json().catch(() => ({}));
    reading.replaceChildren(Object.assign(document.createElement("li"), { className: "error", textContent: problem.detail || answer.statusText }));
    table.replaceChildren();
  }
}

function restore() {
  const state = new URLSearchParams(location.search);
  for (const element of form.elements) {
    if (element.name && state.has(element.name)) element.value = state.get(element.name);
  }
  return state.has("kind");
}

// Suggestions for the id fields: names shown, ids filled in.
async function suggest(listId, url, label) {
  const answer = await fetch(url, { headers: { Accept: "application/json" } });
  if (!answer.ok) return;
  const page = await answer.json();
  const list = document.getElementById(listId);
  for (const item of page.items || []) {
    const option = document.createElement("option");
    option.value = item.id;
    option.label = label(item);
    list.appendChild(option);
  }
}
suggest("list-territories", "/api/v1/territories?limit=1000", (t) => t.name);
suggest("list-operations", "/api/v1/operations?limit=1000", (o) => o.name);
suggest("list-actors", "/api/v1/actors?limit=1000", (a) => a.name);
suggest("list-links", "/api/v1/relationships?types=LINKED_TO&limit=1000", (r) => `${r.from_name || r.from} ↔ ${r.to_name || r.to}`);

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run(true);
});
window.addEventListener("popstate", () => {
  restore();
  run(false);
});
if (restore()) run(false);

// --- the Cypher console (analysts) -------------------------------------------------------

const consoleForm = document.getElementById("console-form");
const consoleStatus = document.getElementById("console-status");
const consoleTable = document.getElementById("console-table");
const consoleGraph = document.getElementById("console-graph");
const LABEL_COLOURS = { Actor: "#1565c0", Territory: "#2e7d32", DialogueFramework: "#ef6c00", Operation: "#6a1b9a", Issue: "#ad1457", Person: "#455a64", SDG: "#00838f" };

function cookie(name) {
  const found = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
}

// A value as a person reads it: nodes by name, ties by the names at their ends.
function shown(value, names) {
  if (value == null) return "";
  if (typeof value === "object" && "labels" in value && "id" in value) return value.name || value.id;
  if (typeof value === "object" && "type" in value && "from" in value) {
    return `${names.get(value.from) || value.from} —${value.type}→ ${names.get(value.to) || value.to}`;
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

// A few rounds of spring layout: enough to read a console's answer (hundreds of nodes).
function layout(nodes, links) {
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    node.x = Math.cos(angle);
    node.y = Math.sin(angle);
  });
  const k = 1 / Math.sqrt(Math.max(n, 1));
  for (let round = 0, step = 0.1; round < 120; round += 1, step *= 0.97) {
    const moves = nodes.map(() => [0, 0]);
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const dx = nodes[i].x - nodes[j].x;
        const dy = nodes[i].y - nodes[j].y;
        const d2 = Math.max(dx * dx + dy * dy, 1e-6);
        const push = (k * k) / d2;
        moves[i][0] += dx * push; moves[i][1] += dy * push;
        moves[j][0] -= dx * push; moves[j][1] -= dy * push;
      }
    }
    for (const { source, target } of links) {
      const dx = nodes[source].x - nodes[target].x;
      const dy = nodes[source].y - nodes[target].y;
      const pull = Math.sqrt(dx * dx + dy * dy) / k;
      moves[source][0] -= dx * pull; moves[source][1] -= dy * pull;
      moves[target][0] += dx * pull; moves[target][1] += dy * pull;
    }
    nodes.forEach((node, i) => {
      const length = Math.hypot(moves[i][0], moves[i][1]) || 1;
      node.x += (moves[i][0] / length) * Math.min(length, step);
      node.y += (moves[i][1] / length) * Math.min(length, step);
    });
  }
}

function drawAnswer(graph) {
  consoleGraph.replaceChildren();
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const nodes = graph.nodes.map((node) => ({
    id: node.id,
    label: node.name || node.id,
    size: 6,
    color: LABEL_COLOURS[node.labels[0]] || "#616e7c",
    forceLabel: graph.nodes.length <= 40,
  }));
  const links = graph.relationships
    .filter((r) => index.has(r.from) && index.has(r.to))
    .map((r) => ({ source: index.get(r.from), target: index.get(r.to), color: "#9aa5b1", size: 1 }));
  layout(nodes, links);
  if (!nodes.length) return;
  const view = new NetworkView(consoleGraph, nodes, links, { padding: 30 });
  view.draw();
  window.maillageConsole.view = view;
}

consoleForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  consoleStatus.className = "";
  consoleStatus.textContent = "…";
  const answer = await fetch("/api/v1/query", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": cookie("maillage_csrf"), "Accept-Language": document.documentElement.lang },
    body: JSON.stringify({ query: consoleForm.elements.query.value }),
  });
  const result = await answer.json().catch(() => ({}));
  consoleTable.replaceChildren();
  consoleGraph.replaceChildren();
  if (!answer.ok) {
    consoleStatus.className = "error";
    consoleStatus.textContent = result.detail || answer.statusText;
    return;
  }
  const count = result.rows.length;
  consoleStatus.textContent = (result.truncated ? words.console_truncated : words.console_rows).replace("{n}", count);
  const head = document.createElement("thead");
  const body = document.createElement("tbody");
  const tr = document.createElement("tr");
  for (const column of result.columns) tr.appendChild(Object.assign(document.createElement("th"), { textContent: column }));
  head.appendChild(tr);
  const names = new Map(result.graph.nodes.map((node) => [node.id, node.name || node.id]));
  for (const row of result.rows) {
    const line = document.createElement("tr");
    line.append(...row.map((value) => cell(shown(value, names))));
    body.appendChild(line);
  }
  consoleTable.append(head, body);
  sortable(head, body);
  drawAnswer(result.graph);
});
window.maillageConsole = { view: null };
window.maillageExplorer = { ready: true };
