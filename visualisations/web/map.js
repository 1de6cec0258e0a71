// The browser side of a Maillage map.  The server has already decided
// everything a person reads (titles, legends, sentences, labels, positions):
// this file only draws, filters and highlights.  Networks are drawn on a 2D
// canvas (network.js: fluid at thousands of nodes even without a GPU), the
// geographic map by Leaflet with boundaries inlined (no tile server).
// Nothing here sends a request.
import L from "leaflet";
import { NetworkView } from "./network.js";
import "leaflet/dist/leaflet.css";
import "./map.css";

const DIM_NODE = "#E3E6EA";
const DIM_EDGE = "#EEF0F2";

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

// Accent- and case-insensitive text, for search.
function folded(text) {
  return String(text || "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function legendList(items) {
  const list = element("ul", { className: "legend" });
  for (const item of items) {
    const swatch = element("span", { className: `swatch ${item.shape}` });
    swatch.style.setProperty("--swatch", item.color);
    list.appendChild(element("li", {}, [swatch, element("span", { text: item.label })]));
  }
  return list;
}

function section(title, ...children) {
  return element("section", {}, [element("h2", { text: title }), ...children]);
}

function layoutPage(root, doc) {
  const header = element("header", {}, [
    element("h1", { text: doc.title }),
    element("p", { className: "scope", text: doc.scope }),
  ]);
  const reading = element("ul", { className: "reading" });
  for (const sentence of doc.reading) reading.appendChild(element("li", { text: sentence }));
  header.appendChild(element("div", { className: "reading-box" }, [
    element("strong", { text: doc.ui.reading }),
    reading,
  ]));
  const stage = element("div", { className: "stage", id: "maillage-stage" });
  const aside = element("aside", { className: "side" });
  root.append(header, element("main", {}, [stage, aside]));
  return { stage, aside };
}

function detailsBox(doc) {
  const box = element("div", { className: "details" }, [
    element("p", { className: "hint", text: doc.ui.details_hint }),
  ]);
  return box;
}

function showDetails(box, doc, item, neighbours, onPick) {
  box.replaceChildren();
  box.appendChild(element("h3", { text: item.label }));
  const rows = element("dl");
  for (const [key, value] of item.details || []) {
    rows.append(element("dt", { text: key }), element("dd", { text: value }));
  }
  const provenance = item.provenance || {};
  if (provenance.source || provenance.source_ref) {
    const where = [provenance.source, provenance.source_ref].filter(Boolean).join(" — ");
    rows.append(element("dt", { text: doc.ui.source }), element("dd", { text: where }));
  }
  box.appendChild(rows);
  if (neighbours && neighbours.length) {
    box.appendChild(element("h4", { text: `${doc.ui.neighbours} (${neighbours.length})` }));
    const list = element("ul", { className: "neighbours" });
    for (const [key, label] of neighbours) {
      const link = element("button", { type: "button", className: "link", text: label });
      link.addEventListener("click", () => onPick(key));
      list.appendChild(element("li", {}, [link]));
    }
    box.appendChild(list);
  }
}

function panelsBox(doc) {
  const boxes = [];
  for (const panel of doc.panels) {
    const list = element("ul", { className: "panel" });
    for (const row of panel.rows) list.appendChild(element("li", { text: row }));
    boxes.push(section(panel.title, list));
  }
  return boxes;
}

// A checkbox list per facet; returns the sets of values switched off.
function filterBoxes(doc, values, onChange) {
  const off = {};
  const boxes = [];
  for (const [facet, title] of Object.entries(values)) {
    off[facet] = new Set();
    const list = element("div", { className: "filters" });
    for (const value of [...title.values].sort()) {
      const input = element("input", { type: "checkbox", checked: "", "data-facet": facet });
      input.addEventListener("change", () => {
        if (input.checked) off[facet].delete(value);
        else off[facet].add(value);
        onChange();
      });
      list.appendChild(element("label", {}, [input, document.createTextNode(` ${value}`)]));
    }
    boxes.push(section(`${doc.ui.filters} : ${title.label}`, list));
  }
  return { off, boxes };
}

// ---------------------------------------------------------------- networks

const RING_COLORS = { cut_point: "#212121", requester: "#212121", target: "#212121", stale: "#C62828" };

function drawNetwork(root, doc) {
  const { stage, aside } = layoutPage(root, doc);
  let view = doc.views[0] ? doc.views[0].key : "main";
  const index = new Map(doc.nodes.map((node, i) => [node.id, i]));
  const neighbours = doc.nodes.map(() => []);
  const items = doc.nodes.map((node) => ({
    id: node.id,
    x: node.x,
    y: node.y,
    size: node.size,
    label: node.label,
    inert: node.kind === "axis",
    labelColor: node.kind === "axis" ? "#52606d" : undefined,
  }));
  const lines = [];
  for (const edge of doc.edges) {
    const source = index.get(edge.source);
    const target = index.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const z = edge.emphasis ? 2 : 1;
    lines.push({ source, target, size: edge.size, style: edge.style, category: edge.category, baseColor: edge.color, baseZ: z, tooltip: edge.tooltip });
    neighbours[source].push([target, edge]);
    neighbours[target].push([source, edge]);
  }
  const network = new NetworkView(stage, items, lines, { padding: 60 });

  const nodeFacets = {};
  for (const [facet, label] of Object.entries(doc.facets)) nodeFacets[facet] = { label, values: new Set() };
  for (const node of doc.nodes) {
    for (const [facet, value] of Object.entries(node.facets || {})) {
      if (nodeFacets[facet]) nodeFacets[facet].values.add(value);
    }
  }
  const edgeFacet = { category: { label: doc.ui.tie_category, values: new Set(doc.edges.map((e) => e.category).filter(Boolean)) } };
  const state = { hovered: null, selected: null, found: null };
  let nodeOff = {};
  let edgeOff = {};
  const visible = (node) => {
    for (const [facet, values] of Object.entries(nodeOff)) {
      if (node.facets && values.has(node.facets[facet])) return false;
    }
    return true;
  };

  // Colours, labels and layers follow the view, the filters and the focus.
  function restyle() {
    const center = state.hovered ?? state.selected;
    const near = center === null ? null : new Set([center, ...neighbours[center].map(([n]) => n)]);
    doc.nodes.forEach((node, i) => {
      const item = items[i];
      const close = !near || near.has(i);
      item.hidden = !visible(node);
      item.color = close ? node.colors[view] || Object.values(node.colors)[0] : DIM_NODE;
      item.forceLabel = near ? close && node.kind !== "axis" : node.force_label;
      if (node.kind === "axis") item.forceLabel = true;
      item.label = close || node.kind === "axis" ? node.label : "";
      item.z = near && close ? 3 : node.emphasis ? 2 : node.kind === "axis" ? 0 : 1;
      item.ring = state.found === i ? "#1565C0" : close ? RING_COLORS[node.emphasis] || (node.emphasis ? "#546E7A" : null) : null;
      item.ringDash = node.emphasis === "stale";
      item.ringWidth = node.emphasis === "cut_point" || node.emphasis === "requester" || node.emphasis === "target" ? 2.5 : 1.5;
    });
    for (const line of lines) {
      const incident = center !== null && (line.source === center || line.target === center);
      line.hidden = Boolean(edgeOff.category && edgeOff.category.has(line.category));
      line.color = center !== null && !incident ? DIM_EDGE : line.baseColor;
      line.z = incident ? 3 : line.baseZ;
    }
    network.refresh();
  }

  const details = detailsBox(doc);
  function select(i) {
    state.selected = i;
    if (i !== null) {
      const rows = neighbours[i]
        .filter(([n]) => doc.nodes[n].kind !== "axis")
        .map(([n, edge]) => [doc.nodes[n].id, edge.tooltip ? `${doc.nodes[n].label} — ${edge.tooltip}` : doc.nodes[n].label])
        .sort((x, y) => x[1].localeCompare(y[1]));
      showDetails(details, doc, doc.nodes[i], rows, (id) => pick(index.get(id)));
    }
    restyle();
  }
  function pick(i) {
    select(i);
    const item = items[i];
    network.animateTo({ x: item.x, y: item.y, zoom: Math.max(network.camera.zoom, network.home.zoom * 3) });
  }
  network.on("hover", (i) => {
    state.hovered = i;
    stage.title = i === null ? "" : doc.nodes[i].tooltip || doc.nodes[i].label;
    restyle();
  });
  network.on("click", (i) => {
    const drill = i === null ? null : doc.nodes[i].drill;
    // A group of an aggregated map opens the same map scoped to it, when served.
    if (drill && location.protocol.startsWith("http")) {
      const url = new URL(location.href);
      for (const [key, value] of Object.entries(drill)) url.searchParams.set(key, value);
      location.assign(url);
      return;
    }
    select(i);
  });

  // Side panel: views, search, legend, filters, details, panels, export.
  const legendBox = element("div");
  if (doc.views.length > 1) {
    const choices = element("div", { className: "views" });
    for (const item of doc.views) {
      const input = element("input", { type: "radio", name: "view", value: item.key });
      if (item.key === view) input.checked = true;
      input.addEventListener("change", () => {
        view = item.key;
        legendBox.replaceChildren(legendList(doc.views.find((v) => v.key === view).legend));
        restyle();
      });
      choices.appendChild(element("label", {}, [input, document.createTextNode(` ${item.label}`)]));
    }
    aside.appendChild(section(doc.ui.colour_by, choices));
  }
  const search = element("input", { type: "search", placeholder: doc.ui.search, list: "maillage-names", "aria-label": doc.ui.search });
  const names = element("datalist", { id: "maillage-names" });
  for (const node of doc.nodes) if (node.kind !== "axis") names.appendChild(element("option", { value: node.label }));
  const notFound = element("p", { className: "hint" });
  search.addEventListener("change", () => {
    const wanted = folded(search.value);
    if (!wanted) return;
    const candidates = doc.nodes.map((n, i) => [n, i]).filter(([n]) => n.kind !== "axis");
    const match = candidates.find(([n]) => folded(n.label) === wanted) || candidates.find(([n]) => folded(n.label).includes(wanted));
    notFound.textContent = match ? "" : doc.ui.no_match;
    if (match) {
      state.found = match[1];
      pick(match[1]);
    }
  });
  aside.appendChild(element("section", { className: "search" }, [search, names, notFound]));
  legendBox.appendChild(legendList(doc.views[0] ? doc.views[0].legend : []));
  aside.appendChild(section(`${doc.ui.legend}${doc.views[0] && doc.views.length === 1 ? " — " + doc.views[0].label : ""}`, legendBox));
  if (doc.edge_legend.length) aside.appendChild(section(doc.ui.ties, legendList(doc.edge_legend)));
  const nodeFilters = filterBoxes(doc, nodeFacets, restyle);
  nodeOff = nodeFilters.off;
  const edgeFilters = filterBoxes(doc, edgeFacet, restyle);
  edgeOff = edgeFilters.off;
  aside.append(section(doc.ui.details, details), ...panelsBox(doc), ...nodeFilters.boxes, ...edgeFilters.boxes);
  const exportButton = element("button", { type: "button", text: doc.ui.export_png });
  exportButton.addEventListener("click", () => {
    const link = element("a", { href: network.toPNG(), download: `maillage-${doc.kind}.png` });
    link.click();
  });
  const reset = element("button", { type: "button", text: doc.ui.reset });
  reset.addEventListener("click", () => {
    state.found = null;
    select(null);
    network.animateTo(network.home);
  });
  const zoomIn = element("button", { type: "button", text: "+", "aria-label": "zoom +" });
  zoomIn.addEventListener("click", () => network.zoomAt(network.width / 2, network.height / 2, 1.5));
  const zoomOut = element("button", { type: "button", text: "−", "aria-label": "zoom −" });
  zoomOut.addEventListener("click", () => network.zoomAt(network.width / 2, network.height / 2, 1 / 1.5));
  aside.appendChild(element("section", { className: "actions" }, [zoomIn, zoomOut, reset, exportButton]));
  if (!doc.nodes.length) stage.appendChild(element("p", { className: "empty", text: doc.ui.empty }));
  restyle();
  network.draw();

  window.maillageMap = {
    ready: true,
    readyAt: performance.now(),
    kind: doc.kind,
    view: network,
    nodes: items.length,
    edges: lines.length,
    drawnNodes: () => items.filter((item) => !item.hidden).length,
    colorOf: (id) => items[index.get(id)].color,
    frames: () => network.frames,
  };
}

// ---------------------------------------------------------------- geography

// Points of a gentle arc from a to b (a straight line reads as a border).
function arc(a, b, bend = 0.2) {
  const [lat1, lon1] = a;
  const [lat2, lon2] = b;
  const midLat = (lat1 + lat2) / 2 + bend * (lon2 - lon1);
  const midLon = (lon1 + lon2) / 2 - bend * (lat2 - lat1);
  const points = [];
  for (let i = 0; i <= 32; i += 1) {
    const t = i / 32;
    const u = 1 - t;
    points.push([u * u * lat1 + 2 * u * t * midLat + t * t * lat2, u * u * lon1 + 2 * u * t * midLon + t * t * lon2]);
  }
  return points;
}

function drawGeography(root, doc) {
  const { stage, aside } = layoutPage(root, doc);
  stage.classList.add("geo");
  const map = L.map(stage, { zoomSnap: 0.25, preferCanvas: false, attributionControl: true });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution(doc.geo.attribution);
  // The view first: Leaflet clips vector layers against it when they are added.
  const points = doc.geo.places.map((p) => [p.lat, p.lon]);
  if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.25));
  else map.setView([20, 0], 2);
  const placeByFeature = new Map(doc.geo.places.filter((p) => p.feature).map((p) => [p.feature, p]));
  L.geoJSON(doc.geo.features, {
    style(feature) {
      const place = placeByFeature.get(feature.properties.id);
      if (place) return { color: place.color, weight: 1.5, fillColor: place.color, fillOpacity: 0.35 };
      return { color: "#B0BEC5", weight: 0.6, fillColor: "#FAFAFA", fillOpacity: 1 };
    },
    interactive: false,
  }).addTo(map);
  const byId = new Map(doc.geo.places.map((p) => [p.id, p]));
  const details = detailsBox(doc);
  const markers = new Map();
  for (const link of doc.geo.arcs) {
    const a = byId.get(link.from);
    const b = byId.get(link.to);
    if (!a || !b) continue;
    const line = L.polyline(arc([a.lat, a.lon], [b.lat, b.lon]), {
      color: link.color,
      weight: link.weight,
      opacity: 0.85,
      dashArray: link.style === "dashed" ? "8 6" : null,
    }).addTo(map);
    line.bindTooltip(link.tooltip, { sticky: true });
    line.on("click", () => {
      showDetails(details, doc, {
        label: link.label,
        details: [[link.kind, link.dates || "—"], ...link.holders.map((h, i) => [i === 0 ? doc.ui.actors_here : "", h])],
      });
    });
  }
  for (const place of doc.geo.places) {
    const marker = L.circleMarker([place.lat, place.lon], {
      radius: 6 + Math.sqrt(place.actors.length) * 2,
      color: "#263238",
      weight: 1.5,
      fillColor: place.color,
      fillOpacity: 0.9,
    }).addTo(map);
    // Régions and countries are named above; towns to the right, so that a town
    // inside a région (Lille in Hauts-de-France) does not hide its name.
    const side = place.feature ? { direction: "top" } : { direction: "right", offset: [8, 0] };
    marker.bindTooltip(`${place.name} (${place.actors.length})`, { permanent: true, className: "place-label", ...side });
    marker.on("click", () => {
      showDetails(details, doc, {
        label: place.name,
        details: [[doc.ui.actors_here, place.actors.join(", ") || "—"], ["", place.side_label]],
      });
    });
    markers.set(place.id, marker);
  }
  const search = element("input", { type: "search", placeholder: doc.ui.search, "aria-label": doc.ui.search });
  search.addEventListener("change", () => {
    const wanted = folded(search.value);
    const match = doc.geo.places.find((p) => folded(p.name).includes(wanted) || p.actors.some((n) => folded(n).includes(wanted)));
    if (match) {
      map.setView([match.lat, match.lon], Math.max(map.getZoom(), 5));
      markers.get(match.id).fire("click");
    }
  });
  aside.append(
    element("section", { className: "search" }, [search]),
    section(doc.ui.legend, legendList(doc.views[0].legend)),
    section(doc.ui.ties, legendList(doc.edge_legend)),
    section(doc.ui.details, details),
    ...panelsBox(doc),
  );
  window.maillageMap = { ready: true, readyAt: performance.now(), kind: doc.kind, map, nodes: doc.geo.places.length, edges: doc.geo.arcs.length };
}

function start() {
  const doc = JSON.parse(document.getElementById("maillage-map-data").textContent);
  const root = document.getElementById("maillage-map");
  // Inside the explorer, which shows the title and the reading beside the map.
  if (window.self !== window.top) root.classList.add("embedded");
  if (doc.geo) drawGeography(root, doc);
  else drawNetwork(root, doc);
}

start();
