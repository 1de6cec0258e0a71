# The Maillage API, for docker compose (see docker-compose.yml).
#
# Stage 1 builds the wheel: the browser bundle first (npm packages pinned in
# visualisations/package-lock.json, bundled by esbuild), then the package with
# its data (named queries, migrations, datasets, templates, bundle).
FROM python:3.11-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md LICENSE THIRD_PARTY_NOTICES.md ./
COPY graph_service ./graph_service
COPY importers ./importers
COPY visualisations ./visualisations
RUN python -m visualisations.build && pip wheel --no-deps --wheel-dir /wheels .

# Stage 2 runs it: the wheel and its dependencies, no source tree, a user without rights.
FROM python:3.11-slim
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels \
    && useradd --create-home maillage
USER maillage
WORKDIR /home/maillage
ENV MAILLAGE_DATA_DIR=/home/maillage/data
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --retries=5 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
CMD ["maillage", "serve", "--host", "0.0.0.0", "--port", "8000"]
