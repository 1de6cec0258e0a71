# The Maillage API, for docker compose (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph_service ./graph_service
COPY cypher ./cypher
# Editable install: the named queries are read from /app/cypher at run time.
RUN pip install --no-cache-dir -e . && useradd --create-home maillage
USER maillage
EXPOSE 8000
CMD ["maillage", "serve", "--host", "0.0.0.0", "--port", "8000"]
