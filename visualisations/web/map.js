// The browser side of a Maillage map.  The server has already decided
// everything a person reads (titles, legends, sentences, labels, positions):
// this file only draws, filters and highlights.  Networks are drawn by sigma.js
// (WebGL, smooth at thousands of nodes), the geographic map by Leaflet with
// boundaries inlined (no tile server).  Nothing here sends a request.
import Graph from "graphology";
import Sigma from "sigma";
import L from "leaflet";
import { downloadAsPNG } from "@sigma/export-image";
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

function drawNetwork(root, doc) {
  const { stage, aside } = layoutPage(root, doc);
  const graph = new Graph({ multi: true, type: "mixed", allowSelfLoops: false });
  const byId = new Map();
  let view = doc.views[0] ? doc.views[0].key : "main";
  for (const node of doc.nodes) {
    byId.set(node.id, node);
    graph.addNode(node.id, {
      x: node.x,
      y: node.y, // sigma's y axis points up, as the server's layouts do
      size: node.size,
      label: node.label,
      color: node.colors[view] || Object.values(node.colors)[0],
      forceLabel: node.force_label,
      zIndex: node.emphasis ? 2 : node.kind === "axis" ? 0 : 1,
    });
  }
  // Dashed and dotted edges are drawn on an overlay canvas (sigma's WebGL
  // programs draw plain lines only); they are few: suggestions, conflicts…
  const overlayEdges = [];
  doc.edges.forEach((edge, index) => {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) return;
    const attributes = { size: edge.size, color: edge.color, category: edge.category, zIndex: edge.emphasis ? 2 : 1 };
    if (edge.style !== "solid") {
      overlayEdges.push(edge);
      attributes.hidden = true;
      attributes.overlay = true;
    }
    graph.addEdgeWithKey(`e${index}`, edge.source, edge.target, attributes);
  });

  const nodeFacets = {};
  for (const [facet, label] of Object.entries(doc.facets)) nodeFacets[facet] = { label, values: new Set() };
  for (const node of doc.nodes) {
    for (const [facet, value] of Object.entries(node.facets || {})) {
      if (nodeFacets[facet]) nodeFacets[facet].values.add(value);
    }
  }
  const edgeFacet = { category: { label: doc.ui.tie_category, values: new Set(doc.edges.map((e) => e.category).filter(Boolean)) } };

  const state = { hovered: null, selected: null, neighbours: new Set(), found: null };
  let nodeOff = {};
  let edgeOff = {};
  const visible = (key) => {
    const node = byId.get(key);
    if (!node) return false;
    for (const [facet, values] of Object.entries(nodeOff)) {
      if (node.facets && values.has(node.facets[facet])) return false;
    }
    return true;
  };
  const edgeVisible = (key) => {
    const category = graph.getEdgeAttribute(key, "category");
    if (edgeOff.category && edgeOff.category.has(category)) return false;
    const [source, target] = graph.extremities(key);
    return visible(source) && visible(target);
  };
  const focus = () => state.hovered || state.selected;

  const renderer = new Sigma(graph, stage, {
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 9,
    labelDensity: 0.4,
    labelFont: "system-ui, sans-serif",
    labelWeight: "500",
    zIndex: true,
    defaultEdgeColor: "#9AA5B1",
    minCameraRatio: 0.02,
    maxCameraRatio: 10,
    nodeReducer(key, data) {
      const result = { ...data };
      if (!visible(key)) return { ...result, hidden: true };
      const center = focus();
      if (center && key !== center && !state.neighbours.has(key)) {
        result.color = DIM_NODE;
        result.label = "";
        result.forceLabel = false;
        result.zIndex = 0;
      } else if (center) {
        result.forceLabel = true;
        result.zIndex = 3;
      }
      if (state.found === key) result.highlighted = true;
      return result;
    },
    edgeReducer(key, data) {
      const result = { ...data };
      if (data.overlay || !edgeVisible(key)) return { ...result, hidden: true };
      const center = focus();
      if (center) {
        const [source, target] = graph.extremities(key);
        if (source !== center && target !== center) result.color = DIM_EDGE;
        else result.zIndex = 3;
      }
      return result;
    },
  });

  const overlay = element("canvas", { className: "overlay" });
  stage.appendChild(overlay);
  const context = overlay.getContext("2d");
  function drawOverlay() {
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = stage.getBoundingClientRect();
    if (overlay.width !== Math.round(width * ratio)) overlay.width = Math.round(width * ratio);
    if (overlay.height !== Math.round(height * ratio)) overlay.height = Math.round(height * ratio);
    overlay.style.width = `${width}px`;
    overlay.style.height = `${height}px`;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const center = focus();
    for (const edge of overlayEdges) {
      if (!visible(edge.source) || !visible(edge.target)) continue;
      if (edgeOff.category && edgeOff.category.has(edge.category)) continue;
      const a = renderer.graphToViewport(graph.getNodeAttributes(edge.source));
      const b = renderer.graphToViewport(graph.getNodeAttributes(edge.target));
      const dim = center && edge.source !== center && edge.target !== center;
      context.strokeStyle = dim ? DIM_EDGE : edge.color;
      context.lineWidth = Math.max(1.2, edge.size);
      context.setLineDash(edge.style === "dotted" ? [2, 4] : [7, 5]);
      context.beginPath();
      context.moveTo(a.x, a.y);
      context.lineTo(b.x, b.y);
      context.stroke();
    }
    context.setLineDash([]);
    // Rings: cut points, the actor asking, the target, intermediaries…
    for (const node of doc.nodes) {
      if (!node.emphasis || !visible(node.id)) continue;
      const display = renderer.getNodeDisplayData(node.id);
      if (!display || display.hidden) continue;
      const p = renderer.graphToViewport(graph.getNodeAttributes(node.id));
      const radius = renderer.scaleSize(display.size) + 3;
      context.strokeStyle = node.emphasis === "stale" ? "#C62828" : "#212121";
      context.lineWidth = node.emphasis === "cut_point" || node.emphasis === "requester" || node.emphasis === "target" ? 2.5 : 1.5;
      if (node.emphasis === "stale") context.setLineDash([3, 3]);
      context.beginPath();
      context.arc(p.x, p.y, radius, 0, 2 * Math.PI);
      context.stroke();
      context.setLineDash([]);
    }
  }
  renderer.on("afterRender", drawOverlay);
  // Sigma drew once in its constructor, before the overlay listened.
  renderer.refresh();

  const details = detailsBox(doc);
  function select(key) {
    state.selected = key;
    state.neighbours = new Set(key ? graph.neighbors(key) : []);
    if (key) {
      const neighbours = [...state.neighbours]
        .filter((n) => byId.get(n) && byId.get(n).kind !== "axis")
        .map((n) => [n, byId.get(n).label])
        .sort((x, y) => x[1].localeCompare(y[1]));
      showDetails(details, doc, byId.get(key), neighbours, (n) => pick(n));
    }
    renderer.refresh();
  }
  function pick(key) {
    select(key);
    const display = renderer.getNodeDisplayData(key);
    if (display) renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.35 }, { duration: 400 });
  }
  renderer.on("enterNode", ({ node }) => {
    if (byId.get(node).kind === "axis") return;
    state.hovered = node;
    state.neighbours = new Set(graph.neighbors(node));
    stage.title = byId.get(node).tooltip || byId.get(node).label;
    renderer.refresh();
  });
  renderer.on("leaveNode", () => {
    state.hovered = null;
    state.neighbours = new Set(state.selected ? graph.neighbors(state.selected) : []);
    stage.title = "";
    renderer.refresh();
  });
  renderer.on("clickNode", ({ node }) => {
    if (byId.get(node).kind !== "axis") select(node);
  });
  renderer.on("clickStage", () => select(null));

  // Side panel: views, search, legend, filters, details, panels, export.
  if (doc.views.length > 1) {
    const choices = element("div", { className: "views" });
    for (const item of doc.views) {
      const input = element("input", { type: "radio", name: "view", value: item.key });
      if (item.key === view) input.checked = true;
      input.addEventListener("change", () => {
        view = item.key;
        graph.forEachNode((key) => graph.setNodeAttribute(key, "color", byId.get(key).colors[view]));
        legendBox.replaceChildren(legendList(doc.views.find((v) => v.key === view).legend));
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
    const exact = doc.nodes.find((n) => n.kind !== "axis" && folded(n.label) === wanted);
    const match = exact || doc.nodes.find((n) => n.kind !== "axis" && folded(n.label).includes(wanted));
    notFound.textContent = match ? "" : doc.ui.no_match;
    if (match) {
      state.found = match.id;
      pick(match.id);
    }
  });
  aside.appendChild(element("section", { className: "search" }, [search, names, notFound]));
  const legendBox = element("div");
  legendBox.appendChild(legendList(doc.views[0] ? doc.views[0].legend : []));
  aside.appendChild(section(`${doc.ui.legend}${doc.views[0] && doc.views.length === 1 ? " — " + doc.views[0].label : ""}`, legendBox));
  if (doc.edge_legend.length) aside.appendChild(section(doc.ui.ties, legendList(doc.edge_legend)));
  const refresh = () => renderer.refresh();
  const nodeFilters = filterBoxes(doc, nodeFacets, refresh);
  nodeOff = nodeFilters.off;
  const edgeFilters = filterBoxes(doc, edgeFacet, refresh);
  edgeOff = edgeFilters.off;
  aside.append(section(doc.ui.details, details), ...panelsBox(doc), ...nodeFilters.boxes, ...edgeFilters.boxes);
  const exportButton = element("button", { type: "button", text: doc.ui.export_png });
  exportButton.addEventListener("click", () => downloadAsPNG(renderer, { fileName: `maillage-${doc.kind}`, backgroundColor: "#ffffff" }));
  const reset = element("button", { type: "button", text: doc.ui.reset });
  reset.addEventListener("click", () => {
    state.found = null;
    select(null);
    renderer.getCamera().animatedReset({ duration: 300 });
  });
  aside.appendChild(element("section", { className: "actions" }, [reset, exportButton]));
  if (!doc.nodes.length) stage.appendChild(element("p", { className: "empty", text: doc.ui.empty }));

  window.maillageMap = {
    ready: true,
    kind: doc.kind,
    renderer,
    nodes: graph.order,
    edges: graph.size,
    drawnNodes: () => graph.filterNodes((key) => !renderer.getNodeDisplayData(key).hidden).length,
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
    marker.bindTooltip(`${place.name} (${place.actors.length})`, { permanent: true, direction: "top", className: "place-label" });
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
  window.maillageMap = { ready: true, kind: doc.kind, map, nodes: doc.geo.places.length, edges: doc.geo.arcs.length };
}

function start() {
  const doc = JSON.parse(document.getElementById("maillage-map-data").textContent);
  const root = document.getElementById("maillage-map");
  if (doc.geo) drawGeography(root, doc);
  else drawNetwork(root, doc);
}

start();
