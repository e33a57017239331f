"""Lesson bodies and rich text as Markdown, and back.

Rich text is CommonMark (parsed with markdown-it-py); every other lesson block is a fenced
directive in the MyST style (```` ```{tip} Title ````). A block is a plain dict, its rich text
fields canonical Markdown (``html_to_md(md_to_html(text))``), so comparing two of them says
whether anything a reader sees changed. Links to pages are ``page:<id>`` and links to files
``media/<name>`` here; ``services`` turns them into Wagtail's stored form and back.
"""

import html as html_lib
import re

from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt
from markdownify import markdownify
from mdit_py_plugins.front_matter import front_matter_plugin

from .errors import Problems

BLOCK_NOT_CLOSED = _("the %(block)s block is not closed")
BLOCK_UNKNOWN = _("unknown block {%(block)s}; a lesson knows %(known)s")
CODE_NOT_ALLOWED = _("code blocks cannot be used in a lesson; use a {tip} block instead")
NOT_ALLOWED = _("%(what)s cannot be used here")
OPTION_UNKNOWN = _("the %(block)s block has no option :%(option)s:")
OPTION_MISSING = _("the %(block)s block needs :%(option)s:")
ARGUMENT_MISSING = _("the %(block)s block needs %(what)s after {%(block)s}")
NOT_A_NUMBER = _("%(option)s must be a whole number, not “%(value)s”")
PRESET_INVALID = _(
    "a preset is written “name | yearly rate in %% | effective or flat”, not “%(value)s”"
)
CHECKLIST_LINE = _("every line of a checklist starts with “- ”")
LINK_INVALID = _("the link “%(href)s” is neither a web address, a page:<id> nor a media/ file")
TOO_LONG = _("%(what)s is longer than %(limit)s characters")

# Rich text features per field, as the blocks allow them.
LESSON_TEXT = frozenset({"h3", "lists", "documents"})
TIP_TEXT = frozenset({"lists"})
INLINE = frozenset()
ASSIGNMENT_TEXT = frozenset({"h3", "lists"})

DIRECTIVES = {
    "tip": "tip",
    "image": "image",
    "video": "video",
    "document": "document",
    "checklist": "checklist",
    "loan-simulator": "loan_simulator",
}
DIRECTIVE_OF = {block: name for name, block in DIRECTIVES.items()}
OPTIONS = {
    "tip": set(),
    "image": {"alt", "decorative"},
    "video": {"url", "file", "thumbnail", "duration"},
    "document": set(),
    "checklist": set(),
    "loan_simulator": {"principal", "tenor", "preset"},
}
METHODS = {"effective": "annuity", "flat": "flat"}
METHOD_WORD = {value: word for word, value in METHODS.items()}

_md = MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin)
_OPTION = re.compile(r"^:([a-z_-]+):(?:\s+(.*))?$")
_FENCE_START = re.compile(r"^\s{0,3}(`{3,}|~{3,})\s*\{")


def parse_markdown(text: str):
    """markdown-it tokens of a whole file (front matter first, if any)."""
    return _md.parse(text)


def _where(problems: Problems, file: str, line: int | None):
    return lambda message, **params: problems.add(message, file=file, line=line, **params)


# Markdown → HTML (with page:/media/ links kept as they are) ------------------------------


def _link_ok(href: str) -> bool:
    return bool(
        re.match(r"^(https?://|mailto:|tel:)", href)
        or re.match(r"^page:[0-9a-fA-F-]{32,36}$", href)
        or re.match(r"^media/[^/]+$", href)
    )


def _render_inline(children, *, report, features) -> str:
    out = []
    for token in children:
        kind = token.type
        if kind == "text" or kind == "code_inline":
            out.append(html_lib.escape(token.content, quote=False))
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("<br/>")
        elif kind in ("strong_open", "strong_close"):
            out.append("<b>" if kind.endswith("open") else "</b>")
        elif kind in ("em_open", "em_close"):
            out.append("<i>" if kind.endswith("open") else "</i>")
        elif kind == "link_open":
            href = token.attrs.get("href", "")
            if not _link_ok(href):
                report(LINK_INVALID, href=href)
            elif href.startswith("media/") and "documents" not in features:
                report(NOT_ALLOWED, what=_("a link to a file"))
            out.append(f'<a href="{html_lib.escape(href)}">')
        elif kind == "link_close":
            out.append("</a>")
        elif kind == "image":
            report(NOT_ALLOWED, what=_("an image inside text (use an {image} block)"))
        else:
            out.append(html_lib.escape(token.content, quote=False))
    return "".join(out)


def _render_blocks(tokens, *, file, first_line, problems, features) -> str:
    out = []
    for token in tokens:
        line = first_line + token.map[0] if token.map else None
        report = _where(problems, file, line)
        kind = token.type
        if kind == "paragraph_open":
            out.append("" if token.hidden else "<p>")
        elif kind == "paragraph_close":
            out.append("" if token.hidden else "</p>")
        elif kind == "heading_open":
            if token.tag != "h3" or "h3" not in features:
                report(NOT_ALLOWED, what=_("a heading other than ###"))
            out.append("<h3>")
        elif kind == "heading_close":
            out.append("</h3>")
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if "lists" not in features:
                report(NOT_ALLOWED, what=_("a list"))
            out.append("<ul>" if kind.startswith("bullet") else "<ol>")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            out.append("</ul>" if kind.startswith("bullet") else "</ol>")
        elif kind == "list_item_open":
            out.append("<li>")
        elif kind == "list_item_close":
            out.append("</li>")
        elif kind == "inline":
            children = token.children or []
            inline_report = _where(problems, file, line)
            out.append(_render_inline(children, report=inline_report, features=features))
        elif kind == "front_matter":
            continue
        elif kind in ("fence", "code_block"):
            report(CODE_NOT_ALLOWED)
        elif kind == "blockquote_open":
            report(NOT_ALLOWED, what=_("a quote (>)"))
        elif kind == "hr":
            report(NOT_ALLOWED, what=_("a horizontal line"))
        elif kind == "html_block":
            report(NOT_ALLOWED, what=_("HTML"))
    return "".join(out)


def md_to_html(text, *, file="", first_line=1, problems=None, features=LESSON_TEXT) -> str:
    """Markdown → HTML in Wagtail's rich text tags (<p>, <h3>, <ul>, <b>, <i>, <a>)."""
    problems = problems if problems is not None else Problems()
    if not text.strip():
        return ""
    return _render_blocks(
        _md.parse(text), file=file, first_line=first_line, problems=problems, features=features
    )


# HTML → Markdown ------------------------------------------------------------------------


def html_to_md(html: str) -> str:
    if not html or not html.strip():
        return ""
    text = markdownify(
        html,
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        newline_style="backslash",
    )
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def canonical(text, *, file="", first_line=1, problems=None, features=LESSON_TEXT) -> str:
    """The Markdown that export writes for ``text``; reports what cannot be used."""
    return html_to_md(
        md_to_html(text, file=file, first_line=first_line, problems=problems, features=features)
    )


# Lesson body ----------------------------------------------------------------------------


def _fence_closed(lines, token) -> bool:
    start, end = token.map
    if end - 1 <= start or end > len(lines):
        return False
    closing = lines[end - 1].strip()
    char = token.markup[0]
    return len(closing) >= len(token.markup) and set(closing) == {char}


def _split_options(content: str):
    """(options as [(name, value, offset)], body, body's line offset) of a directive."""
    lines = content.split("\n")
    options = []
    index = 0
    while index < len(lines):
        match = _OPTION.match(lines[index].strip())
        if not match:
            break
        options.append((match.group(1).replace("-", "_"), (match.group(2) or "").strip(), index))
        index += 1
    if options and index < len(lines) and not lines[index].strip():
        index += 1
    return options, "\n".join(lines[index:]).strip("\n"), index


def _whole(value, option, report):
    try:
        number = int(value.replace(".", "").replace("_", ""))
    except ValueError:
        report(NOT_A_NUMBER, option=option, value=value)
        return None
    return number


def _plain(text: str) -> str:
    return " ".join(text.split())


def _directive(name, argument, options, body, *, file, body_line, report, problems):
    """One block dict from a directive's parts."""
    single = {}
    presets = []
    for option, value, _offset in options:
        if option not in OPTIONS[name]:
            report(OPTION_UNKNOWN, block=DIRECTIVE_OF[name], option=option)
        elif option == "preset":
            presets.append(value)
        else:
            single[option] = value

    def rich(features):
        return canonical(
            body, file=file, first_line=body_line, problems=problems, features=features
        )

    def needs_argument(what):
        if not argument:
            report(ARGUMENT_MISSING, block=DIRECTIVE_OF[name], what=what)

    if name == "tip":
        return {"type": "tip", "title": argument, "text": rich(TIP_TEXT)}
    if name == "image":
        needs_argument(_("the image file"))
        return {
            "type": "image",
            "image": argument,
            "alt": single.get("alt", ""),
            "decorative": "decorative" in single,
            "caption": _plain(body),
        }
    if name == "document":
        needs_argument(_("the file"))
        return {"type": "document", "document": argument, "description": _plain(body)}
    if name == "checklist":
        needs_argument(_("a title"))
        items = []
        for line in body.split("\n"):
            if not line.strip():
                continue
            if not re.match(r"^\s*[-*]\s+", line):
                report(CHECKLIST_LINE)
                continue
            items.append(_plain(re.sub(r"^\s*[-*]\s+", "", line)))
        return {"type": "checklist", "title": argument, "items": items}
    if name == "video":
        needs_argument(_("a title"))
        for required in ("thumbnail", "duration"):
            if required not in single:
                report(OPTION_MISSING, block="video", option=required)
        duration = _whole(single.get("duration", "0"), "duration", report)
        return {
            "type": "video",
            "title": argument,
            "url": single.get("url", ""),
            "file": single.get("file", ""),
            "thumbnail": single.get("thumbnail", ""),
            "duration": duration or 0,
            "transcript": rich(TIP_TEXT),
        }
    # loan_simulator
    needs_argument(_("a title"))
    parsed = []
    for value in presets:
        parts = [part.strip() for part in value.split("|")]
        rate = parts[1].rstrip("%").strip().replace(",", ".") if len(parts) == 3 else ""
        if len(parts) != 3 or parts[2].lower() not in METHODS or not _is_rate(rate):
            report(PRESET_INVALID, value=value)
            continue
        parsed.append({"name": parts[0], "rate": _rate_text(rate), "method": parts[2].lower()})
    if not presets:
        report(OPTION_MISSING, block="loan-simulator", option="preset")
    return {
        "type": "loan_simulator",
        "title": argument,
        "intro": rich(INLINE),
        "principal": _whole(single.get("principal", "10000000"), "principal", report) or 0,
        "tenor": _whole(single.get("tenor", "12"), "tenor", report) or 0,
        "presets": parsed,
    }


def _is_rate(text: str) -> bool:
    return bool(re.match(r"^\d{1,3}(\.\d{1,4})?$", text))


def _rate_text(text) -> str:
    """A rate as few digits as it needs: 6, 6.5, 0.75."""
    text = str(text)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def parse_body(text: str, *, file: str, problems: Problems, tokens=None) -> list[dict]:
    """A lesson body's blocks from its Markdown (the part after the front matter).

    ``tokens`` are the whole file's tokens when the caller parsed it already; line numbers
    then count from the top of the file.
    """
    tokens = tokens if tokens is not None else _md.parse(text)
    lines = text.split("\n")
    blocks = []
    pending = []  # tokens of the rich text since the last directive

    def flush():
        if pending:
            html = _render_blocks(
                pending, file=file, first_line=1, problems=problems, features=LESSON_TEXT
            )
            markdown = html_to_md(html)
            if markdown:
                blocks.append({"type": "text", "text": markdown})
            pending.clear()

    for token in tokens:
        if token.type == "front_matter":
            continue
        if token.type != "fence" or not token.info.strip().startswith("{") or token.level:
            pending.append(token)
            continue
        flush()
        line = token.map[0] + 1
        report = _where(problems, file, line)
        info = token.info.strip()
        match = re.match(r"^\{([^}\s]*)\}\s*(.*)$", info)
        directive = match.group(1) if match else info
        name = DIRECTIVES.get(directive)
        if name is None:
            report(BLOCK_UNKNOWN, block=directive, known=", ".join(DIRECTIVES))
            continue
        nested = any(_FENCE_START.match(inner) for inner in token.content.split("\n"))
        if not _fence_closed(lines, token) or nested:
            report(BLOCK_NOT_CLOSED, block=directive)
            continue
        options, body, offset = _split_options(token.content)
        blocks.append(
            _directive(
                name,
                match.group(2).strip(),
                options,
                body,
                file=file,
                body_line=line + 1 + offset,
                report=report,
                problems=problems,
            )
        )
    flush()
    return blocks


def _fence(content: str) -> str:
    fence = "```"
    while fence in content:
        fence += "`"
    return fence


def _directive_text(name: str, argument: str, options: list[tuple[str, str]], body: str) -> str:
    head = f"{{{name}}} {argument}".rstrip()
    lines = [f":{option}: {value}".rstrip() for option, value in options]
    inner = "\n".join(lines)
    if body:
        inner = f"{inner}\n\n{body}" if inner else body
    fence = _fence(inner)
    return f"{fence}{head}\n{inner}\n{fence}" if inner else f"{fence}{head}\n{fence}"


def write_block(block: dict) -> str:
    kind = block["type"]
    if kind == "text":
        return block["text"]
    if kind == "tip":
        return _directive_text("tip", block["title"], [], block["text"])
    if kind == "image":
        options = []
        if block.get("alt"):
            options.append(("alt", block["alt"]))
        if block.get("decorative"):
            options.append(("decorative", ""))
        return _directive_text("image", block["image"], options, block.get("caption", ""))
    if kind == "document":
        return _directive_text("document", block["document"], [], block.get("description", ""))
    if kind == "checklist":
        return _directive_text(
            "checklist", block["title"], [], "\n".join(f"- {item}" for item in block["items"])
        )
    if kind == "video":
        options = [
            (name, str(block[key]))
            for name, key in (
                ("url", "url"),
                ("file", "file"),
                ("thumbnail", "thumbnail"),
                ("duration", "duration"),
            )
            if block.get(key)
        ]
        return _directive_text("video", block["title"], options, block["transcript"])
    # loan_simulator
    options = [("principal", str(block["principal"])), ("tenor", str(block["tenor"]))]
    options += [("preset", f"{p['name']} | {p['rate']} | {p['method']}") for p in block["presets"]]
    return _directive_text("loan-simulator", block["title"], options, block["intro"])


def write_body(blocks: list[dict]) -> str:
    return "\n\n".join(text for text in (write_block(block) for block in blocks) if text)
