"""Map renderers: (graph, scores, options) -> self-contained HTML.  Filled by the
maps issue."""
