# Khabar API image: slim Python, non-root, migrations then uvicorn.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    KHABAR_DATABASE_URL=sqlite:////var/lib/khabar/khabar.db \
    KHABAR_RESPONSE_CACHE_SECONDS=2 \
    XDG_CACHE_HOME=/var/cache/khabar

WORKDIR /srv/khabar
# Installed editable: alembic.ini and migrations/ stay beside the code, where `khabar migrate` finds them.
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY samples ./samples
# Bytecode compiled here: PYTHONDONTWRITEBYTECODE would make every process compile the app.
# The gazetteer, the glued-word lexicon, CLDR's names and the region's clocks' offsets are
# built here too (app/text/prebuilt.py), read-only to the server: no process of the image builds them.
RUN pip install -e . \
 && python -m compileall -q app migrations \
 && python -c "from app.extract.actors.gazetteer import load_gazetteer; from app.extract.tokens.glued import glued_cut; from app.ingest.dates import zone_for_city; from app.api.warmup import warm_clocks; load_gazetteer(); glued_cut('الوزيرالسابق'); zone_for_city('دمشق'); warm_clocks(float('inf'))" \
 && chmod -R a+rX /var/cache/khabar && test -n "$(ls /var/cache/khabar/khabar)" \
 && useradd --system --home /srv/khabar --shell /usr/sbin/nologin khabar \
 && mkdir -p /var/lib/khabar && chown khabar /var/lib/khabar

USER khabar
EXPOSE 8000
# Healthy means up and warm: a server process accepts connections only once its start-up
# is over, warm-up included (app/api/warmup.py, at most KHABAR_WARMUP_SECONDS, 10 by
# default), so /health answers only then; the start period covers migrations and the
# warm-up. Whether the database answers is /ready's to say, not the container's health.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2).status != 200)"

# On PostgreSQL one server process per core the container may use (KHABAR_WORKERS to choose);
# on SQLite, the default here, one, since its job queue lives in the process. `khabar
# serve` is uvicorn with the limits of app/serve.py: keep-alive and header deadlines, a
# concurrency cap, bounded header size, JSON logs, graceful shutdown on SIGTERM.
CMD ["sh", "-c", "khabar migrate && exec khabar serve --host 0.0.0.0 --port 8000 --workers ${KHABAR_WORKERS:-0}"]
