"""Admin strings of Wagtail and Django that their Indonesian catalogues lack, and that staff
see on our screens (the reports, businesses, classes, certificates, people, temporary passwords,
account settings, site history and the sidebar).

Wagtail ships Indonesian (``id_ID``) for only part of its admin, so an Indonesian admin still
said "There are 27 matches", "Filter by", "Help". Listing the strings here, marked with
``gettext_noop`` (and ``ngettext_lazy`` for the plurals), makes ``make messages`` keep them in
our own catalogue, ``locale/id``, whose translations win over the packages' (``LOCALE_PATHS``
come first). Nothing uses this module at run time; tests/lms/test_admin_language.py checks that
every string here reads Indonesian. Each msgid must equal Wagtail's exactly.

Found by walking the admin in Indonesian as a coordinator, a mentor (with the course pages and
images they edit) and an administrator (issue 14, item 11). Strings Wagtail renders in
JavaScript come from its ``djangojs`` catalogue, which this module cannot reach: those are
translated by hand in ``locale/id/LC_MESSAGES/djangojs.po`` (tests/lms/test_admin_js_language.py).
"""

from django.utils.translation import gettext_noop, ngettext_lazy

STRINGS = (
    # Listings, search and filters
    gettext_noop("Filter by"),
    gettext_noop("Show filters"),
    gettext_noop("Search…"),
    gettext_noop("Search all pages…"),
    gettext_noop("Sorry, no users match your query"),
    gettext_noop('Sorry, there are no matches for "<em>%(search_query)s</em>"'),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop("There are no results."),
    gettext_noop("No %(model_name)s match your query."),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop('Sorry, no snippets match "<em>%(search_query)s</em>"'),
    gettext_noop("log entries"),
    gettext_noop("Pagination"),
    gettext_noop("Actions"),
    gettext_noop("Actions (footer)"),
    gettext_noop("Bulk actions"),
    gettext_noop("Select"),
    gettext_noop("Select all"),
    gettext_noop("Select row"),
    gettext_noop("Delete selected snippets"),
    gettext_noop("Back"),
    gettext_noop("Toggle breadcrumbs"),
    # People
    gettext_noop("Access level"),
    gettext_noop("Username"),
    gettext_noop("Last login"),
    gettext_noop("Set active state"),
    gettext_noop("Change the active state for selected users"),
    gettext_noop("Assign role"),
    gettext_noop("Assign role to selected users"),
    gettext_noop("Delete selected users"),
    # History
    gettext_noop("History"),
    gettext_noop("View history"),
    gettext_noop("Site history"),
    gettext_noop("No log entries found."),
    gettext_noop("Action"),
    gettext_noop("User"),
    gettext_noop("Date / Time"),
    gettext_noop("Is commenting action"),
    gettext_noop("Create"),
    gettext_noop("Created"),
    gettext_noop("system"),
    gettext_noop("%(action)s by <b>%(who)s</b>"),
    # Menus
    gettext_noop("Help"),
    gettext_noop("What's new in Wagtail %(version)s"),
    gettext_noop("Editor Guide"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("Shortcuts"),
    gettext_noop("Locked pages"),
    gettext_noop("Workflows"),
    gettext_noop("Workflow tasks"),
    gettext_noop("Aging pages"),
    gettext_noop("Page types usage"),
    # Account settings
    gettext_noop("Name and Email"),
    gettext_noop("Profile picture"),
    gettext_noop("Upload a profile picture:"),
    gettext_noop("Edit account avatar"),
    gettext_noop("Notifications"),
    gettext_noop(
        "Receive notification when comments have been created, resolved, or deleted on "
        "a page that you have subscribed to receive comment notifications on"
    ),
    gettext_noop("Locale"),
    gettext_noop("Use server language: %(language_name)s"),
    gettext_noop("Theme preferences"),
    gettext_noop("System default"),
    gettext_noop("Light"),
    gettext_noop("Dark"),
    gettext_noop("More contrast"),
    gettext_noop("Default"),
    gettext_noop("Snug"),
    gettext_noop("Keyboard shortcuts"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_noop("account"),
    # Every admin page: skip link, sidebar, keyboard shortcuts dialog
    gettext_noop("Skip to main content"),
    gettext_noop("Sidebar"),
    gettext_noop("Toggle sidebar"),
    gettext_noop("Close dialog"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("All keyboard shortcuts"),
    gettext_noop("Keyboard shortcut"),
    gettext_noop("Application"),
    gettext_noop("Section"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Save changes"),
    gettext_noop("Add or show comments"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Text editing"),
    gettext_noop("Text formatting"),
    gettext_noop("Cut"),
    gettext_noop("Paste"),
    gettext_noop("Paste without formatting"),
    gettext_noop("Bold"),
    gettext_noop("Italic"),
    gettext_noop("Monospace (code)"),
    gettext_noop("Strike-through"),
    gettext_noop("Subscript"),
    gettext_noop("Superscript"),
    gettext_noop("Insert or edit a link"),
    gettext_noop(
        "JavaScript is required to use Wagtail, but it is currently disabled.<br /> "
        'Here are the <a href="https://www.enable-javascript.com/" target="_blank" '
        'rel="noreferrer">instructions how to enable JavaScript in your web '
        "browser</a>."
    ),
    # Edit forms (business, class)
    gettext_noop("Go to the first error"),
    gettext_noop("Minimap"),
    gettext_noop("Side panels"),
    gettext_noop("Side panel width"),
    gettext_noop("Toggle side panel"),
    gettext_noop("Toggle section"),
    gettext_noop("Toggle status"),
    gettext_noop("None"),
    gettext_noop("Add comment"),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in "
        "a separate tab to view the last saved version."
    ),
    gettext_noop("View latest version"),
    # Pages and images, as mentors editing course content see them
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("More actions"),
    gettext_noop("Sort by"),
    gettext_noop("Newest"),
    gettext_noop("Oldest"),
    gettext_noop("Title: (A -> Z)"),
    gettext_noop("Title: (Z -> A)"),
    gettext_noop("File size: (low to high)"),
    gettext_noop("File size: (high to low)"),
    gettext_noop("Usage count: (low to high)"),
    gettext_noop("Usage count: (high to low)"),
    # Wagtail's own reports and workflows (superusers, mentors)
    gettext_noop("No locked pages found."),
    gettext_noop("No pages found."),
    gettext_noop("By task"),
    gettext_noop("No pages/snippets have been submitted for moderation yet"),
    gettext_noop("%(action)s at <b>%(at)s</b>"),
    gettext_noop("Add a workflow"),
    gettext_noop("Step %(step_number)s"),
)

PLURAL_STRINGS = (
    ngettext_lazy(
        "There is %(counter)s match",
        "There are %(counter)s matches",
        "counter",
    ),
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
)
