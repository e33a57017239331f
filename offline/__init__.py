"""Reading offline: the web app manifest, the service worker and what a learner saves on the phone.

Not a Django app (no models): views, one selector and their templates in templates/offline/ and
templates/pwa/. The pages' side is static/js/offline.js and static/js/offline-saved.js.
"""
