"""Chapters → HTML: numbered headings, figures and tables, generated sentences, registers.

`render_report` renders all chapters in order with one numbering; `check_chapter` finds the
directive errors of a chapter without computing anything (for the editor's form).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from markdown_it.token import Token

from bildungslandschaft.core.catalog.model import Catalog
from bildungslandschaft.core.disclosure.publish import Published
from bildungslandschaft.core.labels import code_label
from bildungslandschaft.core.report.data import PublishedSource
from bildungslandschaft.core.report.figures import Figure, chart_figure, figure_html, map_figure
from bildungslandschaft.core.report.markdown import BLOCK, INLINE, chapter_markdown
from bildungslandschaft.core.report.model import (
    Caption,
    ChapterSource,
    Heading,
    Problem,
    RenderedChapter,
    RenderedReport,
    ReportMeta,
    SourceEntry,
)
from bildungslandschaft.core.report.sentence import sentence
from bildungslandschaft.core.report.syntax import Directive, DirectiveError, check, parse_directive
from bildungslandschaft.core.report.tables import html_table, pivot

Progress = Callable[[str], None]


@dataclass
class Context:
    """Numbering and registers shared by all chapters of one report."""

    catalog: Catalog
    source: PublishedSource
    chapter: str = ""
    chapter_text: str = ""
    line_offset: int = 0
    figures: list[Caption] = field(default_factory=list)
    tables: list[Caption] = field(default_factory=list)
    used: dict[str, set[str]] = field(default_factory=dict)  # indicator → credits
    problems: list[Problem] = field(default_factory=list)
    progress: Progress | None = None
    interactive: bool = False  # embed chart specs for the browser (the web page)


def render_report(
    meta: ReportMeta,
    chapters: Sequence[ChapterSource],
    catalog: Catalog,
    source: PublishedSource,
    progress: Progress | None = None,
    interactive: bool = False,
) -> RenderedReport:
    """Render every chapter; problems are shown in place and listed, never raised."""
    context = Context(catalog, source, progress=progress, interactive=interactive)
    rendered = tuple(render_chapter(number, chapter, context) for number, chapter in enumerate(chapters, 1))
    return RenderedReport(
        meta, rendered, tuple(context.figures), tuple(context.tables), _sources(context), tuple(context.problems)
    )


def render_chapter(number: int, chapter: ChapterSource, context: Context) -> RenderedChapter:
    md = chapter_markdown()
    context.chapter, context.chapter_text, context.line_offset = chapter.title, chapter.body, chapter.line_offset
    env: dict[str, Any] = {"bila": context}
    tokens = md.parse(chapter.body, env)
    sections = _number_headings(tokens, number)
    md.add_render_rule(BLOCK, _render_block)
    md.add_render_rule(INLINE, _render_inline)
    md.add_render_rule("heading_open", _render_heading_open)
    html = md.renderer.render(tokens, md.options, env)
    return RenderedChapter(number, chapter.slug, chapter.title, f"kapitel-{number}", html, tuple(sections))


def check_chapter(body: str, catalog: Catalog, title: str = "") -> list[Problem]:
    """The directive errors of a chapter text (syntax and catalog), without computing values."""
    problems = []
    for text, line in directives_of(body):
        try:
            check(parse_directive(text, line), catalog)
        except DirectiveError as error:
            problems.append(Problem(title, line, str(error).removeprefix(f"Zeile {line}: ")))
    return problems


def directives_of(body: str) -> list[tuple[str, int]]:
    """Every directive of a chapter text with its line (code blocks excluded)."""
    found = []
    for token in chapter_markdown().parse(body, {}):
        if token.type == BLOCK and token.map:
            found.append((token.content, token.map[0] + 1))
        for child in token.children or ():
            if child.type == INLINE:
                found.append((child.content, _line_of(body, child.content, token)))
    return found


def _line_of(body: str, text: str, parent: Token) -> int:
    start = parent.map[0] if parent.map else 0
    lines = body.splitlines()
    for index in range(start, len(lines)):
        if text in lines[index]:
            return index + 1
    return start + 1


def _number_headings(tokens: list[Token], chapter: int) -> list[Heading]:
    sections: list[Heading] = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        level = int(token.tag[1])
        token.tag = tokens[index + 2].tag = f"h{min(6, max(level, 2) + 1)}"  # h1 is the report, h2 the chapter
        if level > 2:
            continue
        number = f"{chapter}.{len(sections) + 1}"
        anchor = f"abschnitt-{number.replace('.', '-')}"
        token.attrSet("id", anchor)
        token.meta = {"number": number}
        sections.append(Heading(2, number, tokens[index + 1].content, anchor))
    return sections


def _render_heading_open(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    number = token.meta.get("number") if token.meta else None
    opened = str(self.renderToken(tokens, idx, options, env))
    return opened + (f'<span class="bila-number">{number}</span> ' if number else "")


def _render_block(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:  # noqa: ARG001 - renderer rule
    token = tokens[idx]
    line = token.map[0] + 1 if token.map else 0
    return _directive_html(env["bila"], token.content, line, block=True)


def _render_inline(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:  # noqa: ARG001 - renderer rule
    context: Context = env["bila"]
    text = tokens[idx].content
    line = next((at for found, at in directives_of(context.chapter_text) if found == text), 0)
    return _directive_html(context, text, line, block=False)


def _directive_html(context: Context, text: str, line: int, block: bool) -> str:
    try:
        directive = parse_directive(text, line)
        check(directive, context.catalog)
        if not block and directive.kind != "sentence":
            raise DirectiveError(f"Zeile {line}: {directive.kind} steht in einer eigenen Zeile, nicht im Fließtext")
        if context.progress is not None:
            context.progress(f"{directive.kind} {directive.indicator}")
        return RENDERERS[directive.kind](directive, context)
    except (DirectiveError, LookupError, ValueError) as error:
        message = str(error).removeprefix(f"Zeile {line}: ")
        context.problems.append(Problem(context.chapter, line + context.line_offset if line else 0, message))
        tag = "p" if block else "span"
        return f'<{tag} class="bila-problem" role="note">Hinweis: Diese Angabe fehlt ({escape(message)}).</{tag}>'


def _figure(directive: Directive, context: Context, make: Callable[[Directive, PublishedSource], Figure]) -> str:
    figure = make(directive, context.source)
    number = len(context.figures) + 1
    anchor = f"abbildung-{number}"
    context.figures.append(Caption("figure", number, figure.title, anchor, figure.published.indicator.id))
    credits = _credit(context, figure.published, figure.credits)
    return figure_html(figure, number, anchor, credits, context.interactive)


def _chart(directive: Directive, context: Context) -> str:
    return _figure(directive, context, chart_figure)


def _map(directive: Directive, context: Context) -> str:
    return _figure(directive, context, map_figure)


def _table(directive: Directive, context: Context) -> str:
    by = directive.by or ("year",)
    published = context.source(directive.indicator, by, directive.where)
    header, rows = pivot(published)
    number = len(context.tables) + 1
    anchor = f"tabelle-{number}"
    title = directive.option("title") or _table_title(published)
    context.tables.append(Caption("table", number, title, anchor, published.indicator.id))
    caption = f'<span class="bila-label">Tabelle {number}:</span> {escape(title)}'
    credits = _credit(context, published, ())
    signs = "; ".join(f"{sign} = {text}" for sign, text in published.signs().items())
    notes = f'<p class="bila-credit">{escape("; ".join(credits))}</p>'
    if signs:
        notes = f'<p class="bila-signs">Zeichenerklärung: {escape(signs)}</p>' + notes
    wrap = f'class="bila-table-wrap" role="region" tabindex="0" aria-label="Tabelle {number}"'  # scrolls on phones
    return f"<div {wrap}>{html_table(caption, header, rows, anchor)}{notes}</div>"


def _table_title(published: Published) -> str:
    filters = ", ".join(code_label(dim, codes[0]) for dim, codes in published.where.items() if len(codes) == 1)
    return published.indicator.title + (f", {filters}" if filters else "")


def _sentence(directive: Directive, context: Context) -> str:
    fixed = {dim: codes[0] for dim, codes in directive.where.items() if dim != "year"}
    published = context.source(directive.indicator, ("year", *fixed), {})
    _credit(context, published, ())
    year = directive.where.get("year", ("",))[0]
    first = year or directive.option("from")
    last = year or directive.option("to")
    return escape(sentence(published, fixed, first, last, directive.option("subject")))


def _credit(context: Context, published: Published, extra: Iterable[str]) -> list[str]:
    """The attributions of the datasets behind a result (recorded for the sources list)."""
    datasets = [context.catalog.datasets[name] for name in published.provenance.datasets]
    credits = [dataset.attribution for dataset in datasets] or [published.indicator.attribution]
    credits = list(dict.fromkeys([*credits, *extra]))
    context.used.setdefault(published.indicator.id, set()).update(credits)
    return credits


def _sources(context: Context) -> tuple[SourceEntry, ...]:
    entries = []
    for indicator_id, credits in context.used.items():
        indicator = context.catalog.indicators[indicator_id]
        entries.append(SourceEntry(indicator_id, indicator.title, indicator.source, tuple(sorted(credits))))
    return tuple(sorted(entries, key=lambda entry: entry.title))


RENDERERS: dict[str, Callable[[Directive, Context], str]] = {
    "chart": _chart,
    "map": _map,
    "table": _table,
    "sentence": _sentence,
}
