# syntax=docker/dockerfile:1
# --- build stage: wheels for the locked dependencies -------------------------------------
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
COPY pyproject.toml requirements.lock README.md ./
RUN python -m venv /venv \
 && /venv/bin/pip install --upgrade pip \
 && /venv/bin/pip install -c requirements.lock .

# --- runtime stage ------------------------------------------------------------------------
FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PATH="/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=partnerships.settings.production PORT=8000
RUN groupadd --system app && useradd --system --gid app --home /app app
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=app:app . .
# Static files are collected at build time (hashed, compressed; served by WhiteNoise).
# The throw-away key exists only for this command; the running container needs SECRET_KEY.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
    ALLOWED_HOSTS=build python manage.py collectstatic --noinput --verbosity 0 \
 && mkdir -p /app/media /app/logs && chown app:app /app/media /app/logs
USER app
EXPOSE 8000
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
