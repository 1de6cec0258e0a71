// A network drawn on one 2D canvas, positions given by the server.
//
// Why not a WebGL renderer (sigma.js): on machines without a GPU — these
// servers, many office laptops in remote desktops — WebGL falls back to
// software and a 5,000-actor map moved at 4 frames per second in our
// benchmark, while a 2D canvas keeps 30 or more.  Drawing is batched (one path
// per colour and style for edges, one per colour for nodes), labels are placed
// without overlap, and nothing is laid out here: the server did it.

const LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const LABEL_HEIGHT = 14;

export class NetworkView {
  constructor(container, nodes, edges, options = {}) {
    this.container = container;
    this.nodes = nodes; // [{id, x, y, size, color, label, forceLabel, hidden, ring, ringDash, z}]
    this.edges = edges; // [{source, target (indexes), color, size, style, hidden, z}]
    this.padding = options.padding ?? 40;
    this.canvas = document.createElement("canvas");
    this.canvas.className = "network";
    container.appendChild(this.canvas);
    this.context = this.canvas.getContext("2d");
    this.listeners = { click: [], hover: [], draw: [] };
    this.hovered = null;
    this.pending = false;
    this.frames = 0;
    this.resize();
    this.fit();
    this.bindEvents();
    new ResizeObserver(() => {
      this.resize();
      this.refresh();
    }).observe(container);
  }

  on(event, listener) {
    this.listeners[event].push(listener);
  }

  emit(event, value) {
    for (const listener of this.listeners[event]) listener(value);
  }

  resize() {
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = this.container.getBoundingClientRect();
    this.width = Math.max(width, 1);
    this.height = Math.max(height, 1);
    this.canvas.width = Math.round(this.width * ratio);
    this.canvas.height = Math.round(this.height * ratio);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.ratio = ratio;
  }

  // The whole graph in view.
  fit() {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const node of this.nodes) {
      minX = Math.min(minX, node.x);
      maxX = Math.max(maxX, node.x);
      minY = Math.min(minY, node.y);
      maxY = Math.max(maxY, node.y);
    }
    if (!Number.isFinite(minX)) {
      minX = minY = -1;
      maxX = maxY = 1;
    }
    const spanX = Math.max(maxX - minX, 1e-6);
    const spanY = Math.max(maxY - minY, 1e-6);
    // Names are written to the right of their node: keep room for them there.
    const room = Math.min(220, this.width / 4);
    const zoom = Math.max(
      Math.min((this.width - 2 * this.padding - room) / spanX, (this.height - 2 * this.padding) / spanY),
      1e-6,
    );
    this.home = { x: (minX + maxX) / 2 + room / 2 / zoom, y: (minY + maxY) / 2, zoom };
    this.camera = { ...this.home };
    this.refresh();
  }

  // Screen position of a world point (the server's y axis points up).
  toScreen(x, y) {
    return [
      this.width / 2 + (x - this.camera.x) * this.camera.zoom,
      this.height / 2 - (y - this.camera.y) * this.camera.zoom,
    ];
  }

  toWorld(sx, sy) {
    return [
      this.camera.x + (sx - this.width / 2) / this.camera.zoom,
      this.camera.y - (sy - this.height / 2) / this.camera.zoom,
    ];
  }

  // Node radius on screen: grows with zoom, but slower (areas read as amounts).
  radius(node) {
    return node.size * Math.sqrt(this.camera.zoom / this.home.zoom) * 0.6;
  }

  setCamera(camera) {
    this.camera = { ...this.camera, ...camera };
    this.refresh();
  }

  animateTo(camera, duration = 350) {
    const from = { ...this.camera };
    const start = performance.now();
    const step = (now) => {
      const t = Math.min(1, (now - start) / duration);
      const ease = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
      this.camera = {
        x: from.x + (camera.x - from.x) * ease,
        y: from.y + (camera.y - from.y) * ease,
        zoom: from.zoom * (camera.zoom / from.zoom) ** ease,
      };
      this.draw();
      if (t < 1) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  refresh() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  draw() {
    const c = this.context;
    c.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    c.clearRect(0, 0, this.width, this.height);
    const screen = new Float32Array(this.nodes.length * 2);
    this.nodes.forEach((node, i) => {
      const [sx, sy] = this.toScreen(node.x, node.y);
      screen[2 * i] = sx;
      screen[2 * i + 1] = sy;
    });
    this.screen = screen;
    const outside = (i) => {
      const x = screen[2 * i];
      const y = screen[2 * i + 1];
      return x < -50 || y < -50 || x > this.width + 50 || y > this.height + 50;
    };
    // Edges: one path per (layer, colour, width, style).
    const batches = new Map();
    for (const edge of this.edges) {
      if (edge.hidden || this.nodes[edge.source].hidden || this.nodes[edge.target].hidden) continue;
      if (outside(edge.source) && outside(edge.target)) continue;
      const key = `${edge.z || 0}|${edge.color}|${edge.size}|${edge.style}`;
      let batch = batches.get(key);
      if (!batch) batches.set(key, (batch = []));
      batch.push(edge);
    }
    const keys = [...batches.keys()].sort((a, b) => Number(a.split("|")[0]) - Number(b.split("|")[0]));
    c.lineCap = "round";
    for (const key of keys) {
      const [, color, size, style] = key.split("|");
      c.strokeStyle = color;
      // Ordinary ties are one pixel wide: the rasteriser's hairline path is
      // several times faster than any other width without a GPU.
      c.lineWidth = Number(size) <= 1.6 ? 1 : Number(size);
      c.setLineDash(style === "dashed" ? [7, 5] : style === "dotted" ? [2, 4] : []);
      c.beginPath();
      for (const edge of batches.get(key)) {
        c.moveTo(screen[2 * edge.source], screen[2 * edge.source + 1]);
        c.lineTo(screen[2 * edge.target], screen[2 * edge.target + 1]);
      }
      c.stroke();
    }
    c.setLineDash([]);
    // Nodes: one path per (layer, colour); the emphasised ones on top.
    const nodeBatches = new Map();
    this.drawn = 0;
    this.nodes.forEach((node, i) => {
      if (node.hidden) return;
      this.drawn += 1;
      if (outside(i)) return;
      const key = `${node.z || 0}|${node.color}`;
      let batch = nodeBatches.get(key);
      if (!batch) nodeBatches.set(key, (batch = []));
      batch.push(i);
    });
    const nodeKeys = [...nodeBatches.keys()].sort((a, b) => Number(a.split("|")[0]) - Number(b.split("|")[0]));
    for (const key of nodeKeys) {
      c.fillStyle = key.split("|")[1];
      c.beginPath();
      for (const i of nodeBatches.get(key)) {
        const r = Math.max(1.5, this.radius(this.nodes[i]));
        c.moveTo(screen[2 * i] + r, screen[2 * i + 1]);
        c.arc(screen[2 * i], screen[2 * i + 1], r, 0, 2 * Math.PI);
      }
      c.fill();
    }
    // Rings: cut points, the actor asking, the target…
    for (let i = 0; i < this.nodes.length; i += 1) {
      const node = this.nodes[i];
      if (!node.ring || node.hidden || outside(i)) continue;
      c.strokeStyle = node.ring;
      c.lineWidth = node.ringWidth || 2;
      c.setLineDash(node.ringDash ? [3, 3] : []);
      c.beginPath();
      c.arc(screen[2 * i], screen[2 * i + 1], Math.max(1.5, this.radius(node)) + 3, 0, 2 * Math.PI);
      c.stroke();
    }
    c.setLineDash([]);
    this.drawLabels(c, screen, outside);
    this.frames += 1;
    this.emit("draw", this);
  }

  // Forced labels first, then the largest nodes, never two labels on one another.
  drawLabels(c, screen, outside) {
    c.font = LABEL_FONT;
    c.textBaseline = "middle";
    const order = [];
    this.nodes.forEach((node, i) => {
      if (node.hidden || !node.label || outside(i)) return;
      const r = this.radius(node);
      if (node.forceLabel || r >= 7) order.push(i);
    });
    order.sort((a, b) => {
      const x = this.nodes[a];
      const y = this.nodes[b];
      return (y.forceLabel - x.forceLabel) || (y.z || 0) - (x.z || 0) || y.size - x.size;
    });
    const taken = [];
    const overlaps = (box) => taken.some((t) => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1]);
    for (const i of order.slice(0, 400)) {
      const node = this.nodes[i];
      const r = this.radius(node);
      const width = c.measureText(node.label).width;
      const x = screen[2 * i] + r + 4;
      const y = screen[2 * i + 1];
      const box = [x - 2, y - LABEL_HEIGHT / 2, x + width + 2, y + LABEL_HEIGHT / 2];
      if (overlaps(box)) continue;
      taken.push(box);
      c.fillStyle = "rgba(255,255,255,0.8)";
      c.fillRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
      c.fillStyle = node.labelColor || "#1f2933";
      c.fillText(node.label, x, y);
    }
  }

  // The node under a screen point, or null.
  pick(sx, sy) {
    if (!this.screen) return null;
    let best = null;
    let bestDistance = Infinity;
    this.nodes.forEach((node, i) => {
      if (node.hidden || node.inert) return;
      const dx = this.screen[2 * i] - sx;
      const dy = this.screen[2 * i + 1] - sy;
      const distance = Math.hypot(dx, dy);
      if (distance <= Math.max(this.radius(node), 4) + 2 && distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    });
    return best;
  }

  bindEvents() {
    const canvas = this.canvas;
    let drag = null;
    const point = (event) => {
      const box = canvas.getBoundingClientRect();
      return [event.clientX - box.left, event.clientY - box.top];
    };
    canvas.addEventListener("pointerdown", (event) => {
      const [sx, sy] = point(event);
      drag = { sx, sy, camera: { ...this.camera }, moved: false };
      canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener("pointermove", (event) => {
      const [sx, sy] = point(event);
      if (drag) {
        const dx = sx - drag.sx;
        const dy = sy - drag.sy;
        if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
        if (drag.moved) {
          this.setCamera({ x: drag.camera.x - dx / this.camera.zoom, y: drag.camera.y + dy / this.camera.zoom });
        }
        return;
      }
      const found = this.pick(sx, sy);
      if (found !== this.hovered) {
        this.hovered = found;
        canvas.style.cursor = found === null ? "grab" : "pointer";
        this.emit("hover", found);
      }
    });
    canvas.addEventListener("pointerup", (event) => {
      const [sx, sy] = point(event);
      if (drag && !drag.moved) this.emit("click", this.pick(sx, sy));
      drag = null;
    });
    canvas.addEventListener(
      "wheel",
      (event) => {
        event.preventDefault();
        const [sx, sy] = point(event);
        this.zoomAt(sx, sy, Math.exp(-event.deltaY * 0.0015));
      },
      { passive: false },
    );
  }

  // Zoom by `factor`, keeping the world point under (sx, sy) in place.
  zoomAt(sx, sy, factor) {
    const [wx, wy] = this.toWorld(sx, sy);
    const zoom = Math.min(Math.max(this.camera.zoom * factor, this.home.zoom * 0.2), this.home.zoom * 60);
    this.setCamera({
      zoom,
      x: wx - (sx - this.width / 2) / zoom,
      y: wy + (sy - this.height / 2) / zoom,
    });
  }

  toPNG() {
    const copy = document.createElement("canvas");
    copy.width = this.canvas.width;
    copy.height = this.canvas.height;
    const c = copy.getContext("2d");
    c.fillStyle = "#ffffff";
    c.fillRect(0, 0, copy.width, copy.height);
    c.drawImage(this.canvas, 0, 0);
    return copy.toDataURL("image/png");
  }
}
