// The explorer at "/": a form whose state lives in the URL (a view can be sent
// to a colleague), the map of the chosen analysis in a frame, and the same
// analysis as a sortable table of names with one sentence per result.  It
// only calls Maillage's own endpoints (/maps and /api/v1).
import "./explorer.css";

const form = document.getElementById("explorer-form");
const frame = document.getElementById("explorer-map");
const table = document.getElementById("explorer-table");
const reading = document.getElementById("explorer-reading");
const links = document.getElementById("explorer-links");
const words = JSON.parse(document.getElementById("explorer-words").textContent);

const ANALYSIS_OF = { ecosystem: null, brokers: "brokers", silos: "silos", allies: "allies", introductions: "introductions", "inside-allies": "inside-allies", levels: "levels", "double-space": "double-space" };

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
  // The analyses' JSON takes the analysis options only, not the drawing ones.
  const analysisParams = new URLSearchParams(params);
  for (const key of ["lang", "size_by", "labels", "persons"]) analysisParams.delete(key);
  if (ANALYSIS_OF[kind]) add(`/api/v1/analyses/${ANALYSIS_OF[kind]}?${analysisParams}`, words.export_json, false);
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
window.maillageExplorer = { ready: true };
