"""HTML compressed by the app itself, for a deployment with nothing in front (`make serve-prod`).

Django's GZipMiddleware, limited to text: pages, JSON, CSV, SVG and the like. Images, PDFs and
other files are already compressed (gzip would only cost CPU), and static files never reach it
(WhiteNoise answers them first, from files compressed at collectstatic). BREACH: Django's
middleware adds up to 100 random bytes to each response's gzip header, and CSRF tokens are
masked afresh on every page, so a secret cannot be read off compressed sizes.

On in production unless COMPRESS_HTML=false (nginx compressing proxied responses itself, with
``gzip_proxied any``; docs/deploy.md).
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/javascript",
    "application/manifest+json",
    "application/xml",
    "image/svg+xml",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if not content_type.startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)
